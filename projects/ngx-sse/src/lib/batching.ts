/**
 * How emissions re-enter Angular. Transports run outside the zone; events are delivered in
 * batches, one zone re-entry (and at most one signal write per connection) per batch:
 * - `animation-frame` (default): frame-aligned, with a 100 ms timer for when frames pause
 *   (hidden tab). Zoneless, a batch per frame. Under zone.js, where every batch is a change
 *   detection of the whole application, a batch waits for the second frame after its first
 *   event: at most one per two frames (30 per second at 60 Hz), one to two frames of latency. In
 *   a browser this is what batches: each `EventSource` event is its own task, and microtasks run
 *   after every task.
 * - `microtask`: what arrived in one task, in one batch: one batch per fetch chunk, but one per
 *   event with `EventSource`. Lowest latency.
 * - `sync`: each event at once (what the testing kit uses).
 *
 * @example
 * provideSse(withBatching('microtask'))
 */
export type SseBatching = 'microtask' | 'animation-frame' | 'sync';

/** Every {@link SseBatching} mode, for checking a value given through a cast. */
export const BATCHING_MODES: readonly SseBatching[] = ['animation-frame', 'microtask', 'sync'];

/**
 * Schedules a flush; `zoned`: each flush is an application-wide change detection (zone.js).
 * `null` flushes at once.
 */
export type SseSchedule = ((flush: () => void, zoned: boolean) => void) | null;

/**
 * Frame-aligned flush: on the next frame, or when `zoned` on the second one, so that the frame
 * after a batch never runs another. A 100 ms timer flushes when frames pause (hidden tab);
 * whichever fires first cancels the other.
 */
export const frameSchedule: SseSchedule = (flush, zoned) => {
  const run = () => {
    clearTimeout(timeout);
    cancelAnimationFrame(frame);
    flush();
  };
  const timeout = setTimeout(run, 100);
  let frame = requestAnimationFrame(zoned ? () => (frame = requestAnimationFrame(run)) : run);
};

/** The schedule of each batching mode. */
export function batchSchedule(mode: SseBatching): SseSchedule {
  return mode === 'sync'
    ? null
    : mode === 'microtask'
      ? (flush) => queueMicrotask(flush)
      : frameSchedule;
}
