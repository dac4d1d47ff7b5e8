import { sseResource } from 'ngx-sse';

import type { BenchEvent } from '../sink';
import type { ConsumerSetup } from './consumer';

/** `sseResource` with a reducer that hands each event to the sink; the page renders the count. */
export const sseResourceSetup: ConsumerSetup = {
  providers: [],
  start: (url, sink) =>
    sseResource<{ message: BenchEvent }, 'message', number>(() => url, {
      event: 'message',
      reduce: (count, message) => {
        sink.receive(message.data);
        return count + 1;
      },
      initialValue: 0,
    }).value,
};
