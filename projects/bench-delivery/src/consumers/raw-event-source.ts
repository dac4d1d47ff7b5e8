import type { BenchEvent } from '../sink';
import type { Consumer } from './consumer';

/** The baseline: a bare `EventSource` and `JSON.parse` in its `message` listener. */
export const rawEventSource: Consumer = (url, sink) => {
  const source = new EventSource(url);
  source.addEventListener('message', (event) =>
    sink.receive(JSON.parse((event as MessageEvent<string>).data) as BenchEvent),
  );
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) sink.fail('EventSource closed');
  });
};
