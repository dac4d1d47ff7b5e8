import { signal } from '@angular/core';

import { errorMessage } from './api';

/**
 * Whether a store's last load from the REST API failed, and why: a failed load must not look
 * like an empty list. Pages show `error` with a Retry.
 *
 * @example
 * private readonly loading = new LoadState();
 * refresh = () => this.loading.run(() => this.fetchList());
 */
export class LoadState {
  /** The readable reason of the last failed load; null once a load succeeds. */
  readonly error = signal<string | null>(null);
  /** A load is under way: an empty list then means "not yet", not "none". */
  readonly pending = signal(false);

  /** Runs `load`, recording its outcome; rejects as `load` did, for callers that react. */
  async run(load: () => Promise<void>): Promise<void> {
    this.pending.set(true);
    try {
      await load();
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessage(error));
      throw error;
    } finally {
      this.pending.set(false);
    }
  }

  /** Forgets a failure (on logout). */
  clear(): void {
    this.error.set(null);
    this.pending.set(false);
  }
}
