import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { SseClient, sseResource } from 'ngx-sse';

interface Events {
  greeting: { text: string };
  tick: { n: number };
}

/** Uses both APIs: a Resource that sums ticks, and an Observable of greetings. */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ greeting()?.data?.text ?? 'waiting' }} ({{ stream.state().status }})</p>
    <p>ticks {{ ticks.value() }} ({{ ticks.status() }})</p>
  `,
})
export class App {
  protected readonly stream = inject(SseClient).stream<Events>('/api/events');
  protected readonly greeting = toSignal(this.stream.on('greeting'));
  protected readonly ticks = sseResource<Events, 'tick', number>(() => '/api/ticks', {
    event: 'tick',
    reduce: (sum, { data }) => sum + data.n,
    initialValue: 0,
  });
}
