import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { SseClient } from 'ngx-sse';
import { EMPTY, catchError, map } from 'rxjs';

import type { TickEvents } from '../core/api';
import { formatClock, stateReason } from '../shared/format';

/**
 * Ticks come every second: this long without one is a stalled stream, which would otherwise
 * stay `open` and show a stopped clock as if it were current. Reconnecting says so and recovers.
 */
export const TICK_SILENCE_MS = 5000;

/**
 * The server's clock from the `tick` events of the public `/api/ticks`: proof that SSE flows
 * through the proxy. When the stream is not open it says so (and why), so a failing stream never
 * reads as a slow one.
 *
 * @example
 * <app-live-ticks />
 */
@Component({
  selector: 'app-live-ticks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // A status, but not live: a screen reader would otherwise read out every tick, once a second.
  // No aria-label: the text itself is what a reader should hear when it gets here.
  template: `
    <p role="status" aria-live="off" [attr.data-status]="state().status">
      @if (tick(); as t) {
        <time class="clock" [attr.datetime]="iso(t.at)">{{ clock(t.at) }}</time>&ngsp;
        <span class="count">tick #{{ t.n }}</span
        >&ngsp;
      }
      @if (note(); as note) {
        <span class="note">{{ note }}</span>
      }
    </p>
  `,
  styles: `
    p {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 8px;
      margin: 0;
    }
    .clock {
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
    }
    .count,
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LiveTicks {
  private readonly stream = inject(SseClient).stream<TickEvents>('/api/ticks', {
    heartbeatTimeoutMs: TICK_SILENCE_MS,
  });
  protected readonly state = this.stream.state;
  // A fatal failure errors the Observable; `state()` says why, so the clock just stops.
  protected readonly tick = toSignal(
    this.stream.on('tick').pipe(
      map(({ data }) => data),
      catchError(() => EMPTY),
    ),
    { initialValue: null },
  );
  /** What to say besides the clock: the stream's state when it is not open, or the wait. */
  protected readonly note = computed(() => {
    const state = this.state();
    switch (state.status) {
      case 'open':
        return this.tick() ? null : 'Waiting for the first tick…';
      case 'reconnecting':
        return `Reconnecting (${stateReason(state)})…`;
      case 'closed':
        return `Closed (${stateReason(state)})`;
      case 'paused':
        return 'Paused while the tab is hidden';
      default:
        return 'Connecting…';
    }
  });
  protected readonly clock = formatClock;
  protected iso(epochMs: number): string {
    return new Date(epochMs).toISOString();
  }
}
