import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { SseClient } from 'ngx-sse';
import { map } from 'rxjs';

interface Tick {
  n: number;
  at: number;
}

/** Shows the latest `tick` event of `/api/ticks`: proof that SSE flows through the proxy. */
@Component({
  selector: 'app-live-ticks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // A status, but not live: a screen reader would otherwise read out every tick, once a second.
  template: `
    <p role="status" aria-live="off" aria-label="Latest tick">
      @if (tick(); as t) {
        Tick #{{ t.n }}
      } @else {
        Waiting for the first tick…
      }
    </p>
  `,
})
export class LiveTicks {
  private readonly stream = inject(SseClient).stream<{ tick: Tick }>('/api/ticks');
  protected readonly tick = toSignal(this.stream.on('tick').pipe(map(({ data }) => data)), {
    initialValue: null,
  });
}
