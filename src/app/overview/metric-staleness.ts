import type { MetricPoint } from '../core/metric-store';
import { formatApproxDuration, formatClock } from '../shared/format';

// Metrics arrive twice a second; this much silence means the values shown are old. Generous, so
// a server clock a few seconds off ours does not raise it.
const STALE_MS = 10_000;

/**
 * What to say of values whose newest point was sent at `latestAt` (epoch ms, 0 before any),
 * seen at `now`: `null` while they are current, else how long nothing came and since when. A
 * legend would otherwise go on showing the last values as if they were current.
 *
 * @example
 * staleValuesNote(at, at + 25_000); // 'no new values for 25 s, last at 14:03:07'
 */
export function staleValuesNote(latestAt: number, now: number): string | null {
  const silence = now - latestAt;
  if (latestAt <= 0 || silence <= STALE_MS) return null;
  return `no new values for ${formatApproxDuration(silence)}, last at ${formatClock(latestAt)}`;
}

/**
 * The send time of the newest point of any series, or 0 before any.
 *
 * @example
 * newestAt(new Map([['cpu', [{ at: 5, value: 1 }]]])); // 5
 */
export function newestAt(series: ReadonlyMap<string, readonly MetricPoint[]>): number {
  return Math.max(0, ...[...series.values()].map((points) => points.at(-1)?.at ?? 0));
}
