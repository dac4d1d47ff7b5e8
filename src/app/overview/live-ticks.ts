import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';

interface Tick {
  n: number;
  at: number;
}

/** Shows the latest `tick` event of `/api/ticks`: proof that SSE flows through the proxy. */
@Component({
  selector: 'app-live-ticks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p role="status" aria-label="Latest tick">
      @if (tick(); as t) {
        Tick #{{ t.n }}
      } @else {
        Waiting for the first tick…
      }
    </p>
  `,
})
export class LiveTicks {
  protected readonly tick = signal<Tick | null>(null);

  constructor() {
    const source = new EventSource('/api/ticks');
    source.addEventListener('tick', (event) => this.tick.set(JSON.parse(event.data) as Tick));
    inject(DestroyRef).onDestroy(() => source.close());
  }
}
