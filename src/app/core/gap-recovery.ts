import { Injectable, effect, inject, untracked } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

import { JobStore } from './job-store';
import { LiveStream } from './live-stream';
import { NotificationStore } from './notification-store';

const REASONS: Record<string, string> = {
  'history-exceeded': 'more happened while you were away than the server keeps',
  'unknown-id': 'the server did not recognise where the stream left off',
  'server-restarted': 'the server restarted',
  'ahead-of-head': 'the server is behind where the stream left off',
};

/**
 * Reacts to the server's `reset` event, its word that resuming skipped events: everything the
 * dashboard shows is reloaded from the REST API, and a notice says so. Nothing stays stale.
 */
@Injectable({ providedIn: 'root' })
export class GapRecovery {
  private readonly notifications = inject(NotificationStore);
  private readonly jobs = inject(JobStore);
  private readonly snackBar = inject(MatSnackBar);

  constructor() {
    const resets = inject(LiveStream).resets;
    effect(() => {
      const reset = resets.hasValue() ? resets.value() : undefined;
      if (reset) untracked(() => void this.recover(reset.data.reason));
    });
  }

  private async recover(reason: string): Promise<void> {
    const why = REASONS[reason] ?? `the server reported a gap (${reason})`;
    try {
      await Promise.all([this.notifications.refresh(), this.jobs.refresh()]);
      this.snackBar.open(`Live updates were interrupted: ${why}. The view was refreshed.`, 'OK', {
        duration: 8000,
      });
    } catch {
      this.snackBar.open(
        `Live updates were interrupted: ${why}. Reload the page to refresh.`,
        'OK',
      );
    }
  }
}
