import type { BenchEvent, Sink } from '../sink';
import type { Consumer } from './consumer';

function failOnClose(source: EventSource, sink: Sink, detail: () => string = () => ''): void {
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) sink.fail(`EventSource closed${detail()}`);
  });
}

/** The baseline: a bare `EventSource` and `JSON.parse` in its `message` listener. */
export const rawEventSource: Consumer = (url, sink) => {
  const source = new EventSource(url);
  source.addEventListener('message', (event) =>
    sink.receive(JSON.parse((event as MessageEvent<string>).data) as BenchEvent),
  );
  failOnClose(source, sink);
};

/**
 * The baseline that also keeps each event's `lastEventId`, as a consumer that resumes or shows
 * ids must (the library delivers it with every message). Reading it makes the browser build a
 * string per event; this row shows how much of the library's gap to the bare baseline that is.
 */
export const rawEventSourceIds: Consumer = (url, sink) => {
  const source = new EventSource(url);
  let lastEventId = '';
  source.addEventListener('message', (event) => {
    lastEventId = (event as MessageEvent<string>).lastEventId;
    sink.receive(JSON.parse((event as MessageEvent<string>).data) as BenchEvent);
  });
  failOnClose(source, sink, () => ` after id '${lastEventId}'`);
};
