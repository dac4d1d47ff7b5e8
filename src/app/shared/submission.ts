import { signal } from '@angular/core';

import { errorMessage } from '../core/api';

/**
 * One form's request in flight: `busy` while it runs, `error` with a readable message when it
 * failed, so every form reports failures the same visible way. A run asked for while one is in
 * flight is ignored: the forms' buttons stay focusable while busy (`disabledInteractive`, so a
 * keyboard user's focus is not dropped to the page), and so can still be pressed.
 */
export class Submission {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  /** Runs `action`; resolves whether it succeeded (false, without running, while busy). */
  async run(action: () => Promise<unknown>): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      this.error.set(errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
