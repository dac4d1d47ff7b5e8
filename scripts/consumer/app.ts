import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { SseClient } from 'ngx-sse';

interface Events {
  greeting: { text: string };
}

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p>{{ greeting()?.data?.text ?? 'waiting' }} ({{ stream.state().status }})</p>`,
})
export class App {
  protected readonly stream = inject(SseClient).stream<Events>('/api/events');
  protected readonly greeting = toSignal(this.stream.on('greeting'));
}
