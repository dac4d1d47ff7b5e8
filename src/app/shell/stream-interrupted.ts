import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { SseDiagnostics } from 'ngx-sse';

import { Clock } from '../core/clock';
import { LiveStream } from '../core/live-stream';
import { Session } from '../core/session';
import { formatClock, stateReason } from '../shared/format';
import { focusPageHeading } from '../shared/page-heading';
import { StickyBanner } from '../shared/sticky-banner';

/** A drop that heals within this long is not worth a banner that moves the page down and up. */
export const INTERRUPTED_AFTER_MS = 3000;

/**
 * When the stream last stopped being open: the transition after the last `open` in the log. A
 * stream that has not opened since the page loaded has been down since it started trying.
 */
function leftOpenAt({ log, lastEventAt }: SseDiagnostics): number | null {
  for (let i = log.length - 2; i >= 0; i--) {
    if (log[i].state.status === 'open') return log[i + 1].at;
  }
  return log[0]?.at ?? lastEventAt;
}

/**
 * Shown above every page while the live stream is retrying for longer than a blip: every value
 * on screen (counts, progress, the chart, the clock) is then as of the moment it dropped and
 * does not update, which otherwise only the toolbar chip would say. It goes once the stream is
 * open again; a stream stopped for good is StreamStopped's. "Retry now" skips the rest of the
 * backoff (a server back after an outage may otherwise sit unused for the longest delay); a
 * follower tab has no attempt of its own to make, so it has no button.
 *
 * @example
 * <app-stream-interrupted />
 */
@Component({
  selector: 'app-stream-interrupted',
  imports: [MatButtonModule, StickyBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as notice) {
      <div class="app-banner" appStickyBanner role="region" aria-label="Live updates interrupted">
        <p role="status">
          Reconnecting ({{ notice.reason }}) since {{ notice.since }}: what you see is from then and
          does not update until the stream is back.
        </p>
        @if (notice.canRetry) {
          <button mat-button type="button" (click)="retryNow()">Retry now</button>
        }
      </div>
    }
  `,
  // `contents`: the banner sticks within the page (see `.app-banner`), not within this host.
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class StreamInterrupted {
  private readonly live = inject(LiveStream);
  private readonly session = inject(Session);
  private readonly now = inject(Clock).now;
  private readonly document = inject(DOCUMENT);

  /** Since when and why the stream is down, once it has been for INTERRUPTED_AFTER_MS. */
  protected readonly notice = computed(() => {
    const state = this.live.state();
    const diagnostics = this.live.diagnostics();
    if (state.status !== 'reconnecting' || !diagnostics || this.session.user() === null) {
      return null;
    }
    const since = leftOpenAt(diagnostics);
    if (since === null || this.now() - since < INTERRUPTED_AFTER_MS) return null;
    return {
      reason: stateReason(state),
      since: formatClock(since),
      canRetry: diagnostics.role !== 'follower',
    };
  });

  /** The banner goes if the attempt opens: focus moves on before its button goes. */
  protected retryNow(): void {
    focusPageHeading(this.document, {});
    this.live.retryNow();
  }
}
