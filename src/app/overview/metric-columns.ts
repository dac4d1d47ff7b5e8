import type { MetricPoint } from '../core/metric-store';

/** The time window a chart shows, `[since, since + windowMs]` epoch ms, cut into equal buckets. */
export interface ChartWindow {
  since: number;
  windowMs: number;
  buckets: number;
}

/** uPlot's aligned data: shared x values (epoch seconds), then one y column per series. */
export interface MetricColumns {
  data: [number[], ...(number | null)[][]];
  /** Non-empty buckets over all series: the vertices drawn. */
  points: number;
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
 * Aligns series with unrelated timestamps on one x axis, as uPlot needs, by averaging each series
 * into time buckets; an empty bucket is `null`, which the chart spans. At 1,000 events/s a minute
 * holds 60,000 points, but a few hundred vertices draw the same line. Buckets sit on multiples
 * of their width since the epoch, so the lines do not wobble as the window slides.
 *
 * @example
 * const { data } = toColumns([cpu, memory], { since: now - 60_000, windowMs: 60_000, buckets: 300 });
 * plot.setData(data);
 */
export function toColumns(
  series: readonly (readonly MetricPoint[])[],
  { since, windowMs, buckets }: ChartWindow,
): MetricColumns {
  const width = windowMs / buckets;
  const first = Math.floor(since / width);
  const xs = Array.from({ length: buckets + 1 }, (_, i) => ((first + i + 0.5) * width) / 1000);
  let points = 0;
  const columns = series.map((raw) => {
    const sums = new Float64Array(xs.length);
    const counts = new Uint32Array(xs.length);
    for (let i = firstIndexAt(raw, since); i < raw.length; i++) {
      const bucket = Math.min(xs.length - 1, Math.floor(raw[i].at / width) - first);
      sums[bucket] += raw[i].value;
      counts[bucket]++;
    }
    return Array.from(counts, (count, i) => {
      if (!count) return null;
      points++;
      return sums[i] / count;
    });
  });
  return { data: [xs, ...columns], points };
}

// A few hundred vertices per series: enough for a smooth line at any width a screen has.
const BUCKETS = 300;

/**
 * The columns of the window that ends at `until` (epoch ms), and its x range in epoch seconds
 * (uPlot's unit), as the chart draws them on every frame.
 *
 * @example
 * const { data, range } = windowColumns([cpu], Date.now(), 60_000);
 */
export function windowColumns(
  series: readonly (readonly MetricPoint[])[],
  until: number,
  windowMs: number,
): MetricColumns & { range: [number, number] } {
  const since = until - windowMs;
  return {
    ...toColumns(series, { since, windowMs, buckets: BUCKETS }),
    range: [since / 1000, until / 1000],
  };
}
