/**
 * How emissions re-enter Angular. Transports run outside the zone; events are delivered in
 * batches, one zone re-entry (and at most one signal write per connection) per batch:
 * - `animation-frame` (default): at most one batch per frame, with a 100 ms timer fallback for
 *   hidden tabs, where frames pause. In a browser this is what batches: each `EventSource` event
 *   is its own task, and microtasks run after every task.
 * - `microtask`: what arrived in one task, in one batch: one batch per fetch chunk, but one per
 *   event with `EventSource`. Lowest latency.
 * - `sync`: each event at once (what the testing kit uses).
 *
 * @example
 * provideSse(withBatching('microtask'))
 */
export type SseBatching = 'microtask' | 'animation-frame' | 'sync';

/** Schedules a flush; `null` flushes at once. */
export type SseSchedule = ((flush: () => void) => void) | null;

/** Frame-aligned flush with a timer fallback; whichever fires first cancels the other. */
export const frameSchedule: SseSchedule = (flush) => {
  const run = () => {
    clearTimeout(timeout);
    cancelAnimationFrame(frame);
    flush();
  };
  const timeout = setTimeout(run, 100);
  const frame = requestAnimationFrame(run);
};

/** The schedule of each batching mode. */
export function batchSchedule(mode: SseBatching): SseSchedule {
  return mode === 'sync'
    ? null
    : mode === 'microtask'
      ? (flush) => queueMicrotask(flush)
      : frameSchedule;
}
