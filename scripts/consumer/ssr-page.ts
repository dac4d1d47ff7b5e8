import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { SseClient, sseResource } from 'ngx-sse';

import { SSE_ORIGIN } from './sse-origin';

interface Events {
  greeting: { text: string };
  tick: { n: number };
}

/**
 * The page the SSR check renders on the server and hydrates in the browser: a `stream()` on the
 * fetch transport read through `toSignal`, and an `sseResource` on `EventSource`, both on the
 * counting endpoint. Its two status lines are what the check reads, in the HTML and in the page.
 */
@Component({
  selector: 'app-streams',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p role="status" aria-label="stream">
      stream {{ stream.state().status }}: {{ greeting()?.data?.text ?? 'no greeting' }}
    </p>
    <p role="status" aria-label="resource">
      resource {{ ticks.status() }}: ticks {{ ticks.value() }}
    </p>
  `,
})
export class StreamsPage {
  protected readonly stream = inject(SseClient).stream<Events>(`${SSE_ORIGIN}/events`, {
    transport: 'fetch',
  });
  protected readonly greeting = toSignal(this.stream.on('greeting'));
  protected readonly ticks = sseResource<Events, 'tick', number>(
    () => ({ url: `${SSE_ORIGIN}/ticks`, transport: 'eventsource' }),
    { event: 'tick', reduce: (sum, { data }) => sum + data.n, initialValue: 0 },
  );
}
