import type { MetricPoint } from '../core/metric-store';

/** The time window a chart shows: `[since, since + windowMs]`, epoch ms. */
export interface TimeWindow {
  since: number;
  windowMs: number;
}

/** The SVG drawing area, in user units; lines keep `inset` clear of the top and bottom edges. */
export interface ChartBox {
  width: number;
  height: number;
  inset: number;
}

/** Index of the first point at or after `since`; points arrive in time order, so bisect. */
function firstIndexAt(points: readonly MetricPoint[], since: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (points[middle].at < since) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The points inside the window, averaged into at most `max` equal time buckets: at 1,000 events/s
 * a minute holds 60,000 points, but a few hundred vertices draw the same line.
 */
export function downsample(
  points: readonly MetricPoint[],
  { since, windowMs }: TimeWindow,
  max: number,
): MetricPoint[] {
  const visible = points.slice(firstIndexAt(points, since));
  if (visible.length <= max) return visible;
  const sums = Array.from({ length: max }, () => ({ at: 0, value: 0, count: 0 }));
  for (const point of visible) {
    const bucket = Math.min(max - 1, Math.floor(((point.at - since) / windowMs) * max));
    sums[bucket].at += point.at;
    sums[bucket].value += point.value;
    sums[bucket].count++;
  }
  return sums
    .filter((sum) => sum.count > 0)
    .map((sum) => ({ at: sum.at / sum.count, value: sum.value / sum.count }));
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * SVG `points` for one series: x is time across the window, y is scaled to the series' own
 * min/max (a flat series runs through the middle), so series of any unit share one chart.
 */
export function toPolyline(
  points: readonly MetricPoint[],
  { since, windowMs }: TimeWindow,
  { width, height, inset }: ChartBox,
): string {
  const values = points.map((point) => point.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  const drawable = height - 2 * inset;
  return points
    .map(({ at, value }) => {
      const x = Math.min(1, Math.max(0, (at - since) / windowMs)) * width;
      const y = inset + (span === 0 ? drawable / 2 : (1 - (value - min) / span) * drawable);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}
