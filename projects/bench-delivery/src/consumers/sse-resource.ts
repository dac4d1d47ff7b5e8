// The `sseResource` consumer. The library checked out when this was written has no
// `sseResource` export, so the consumer reports "not available"; once it exists, replace the
// body with (for example), returning the resource's value so the page renders it:
//   start: (url, sink) =>
//     sseResource<{ message: BenchEvent }, 'message', number>(() => url, {
//       event: 'message',
//       reduce: (n, m) => (sink.receive(m.data), n + 1),
//       initialValue: 0,
//     }).value,
import type { ConsumerSetup } from './consumer';

/** `sseResource` with a reducer that hands each event to the sink. */
export const sseResourceSetup: ConsumerSetup = {
  providers: [],
  start: (_url, sink) => sink.fail('not available: this ngx-sse has no sseResource export'),
};
