import { createParser } from 'eventsource-parser';

import type { BenchEvent } from '../sink';
import type { Consumer } from './consumer';

/**
 * The fetch baseline: `fetch`, a stream-mode `TextDecoder` and eventsource-parser 4's callback
 * parser (`createParser`, no TransformStream per event), then `JSON.parse`.
 */
export const rawFetch: Consumer = (url, sink) => {
  const parser = createParser({
    onEvent: (event) => sink.receive(JSON.parse(event.data) as BenchEvent),
  });
  const decoder = new TextDecoder();
  const read = async () => {
    const response = await fetch(url, { headers: { Accept: 'text/event-stream' } });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  };
  read().catch((error: unknown) => sink.fail(String(error)));
};
