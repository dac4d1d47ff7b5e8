/**
 * How emissions re-enter Angular. Transports run outside the zone; events are delivered in
 * batches, one zone re-entry (and at most one signal write per connection) per batch:
 * - `animation-frame` (default): a batch is delivered on the second frame after its first event,
 *   so at most one batch per two frames (30 per second on a 60 Hz display) and a wait of one to
 *   two frames; a 100 ms timer delivers when frames pause (hidden tab). In a browser this is what
 *   batches: each `EventSource` event is its own task, and microtasks run after every task.
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

/**
 * Frame-aligned flush, one frame apart: a batch waits for the second frame after its first item,
 * so the frame after a batch never runs another (at most one batch per two frames). A 100 ms
 * timer flushes when frames pause (hidden tab); whichever fires first cancels the other.
 */
export const frameSchedule: SseSchedule = (flush) => {
  const run = () => {
    clearTimeout(timeout);
    cancelAnimationFrame(frame);
    flush();
  };
  const timeout = setTimeout(run, 100);
  let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(run)));
};

/** The schedule of each batching mode. */
export function batchSchedule(mode: SseBatching): SseSchedule {
  return mode === 'sync'
    ? null
    : mode === 'microtask'
      ? (flush) => queueMicrotask(flush)
      : frameSchedule;
}
