import type uPlot from 'uplot';

import type { MetricPoint } from '../core/metric-store';
import { seriesColor, unitOf } from './metric-units';

/** One legend entry: a series, its unit and colour, and the value at the cursor or the latest. */
export interface LegendEntry {
  name: string;
  unit: string;
  color: string;
  shown: boolean;
  value: string;
}

/** Values under the cursor: the bucket's time and one value per series, in legend order. */
export interface CursorValues {
  at: number;
  values: (number | null | undefined)[];
}

/** What the legend is built from: the chart's series in order, and what the user did to them. */
export interface LegendInput {
  names: readonly string[];
  series: ReadonlyMap<string, readonly MetricPoint[]>;
  cursor: CursorValues | null;
  hidden: ReadonlySet<string>;
  dark: boolean;
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });

/**
 * The legend: per series its colour, unit, whether it is shown, and the value under the cursor,
 * else the latest one ('–' where there is none).
 *
 * @example
 * legendEntries({ names: ['cpu'], series, cursor: null, hidden: new Set(), dark: false });
 * // [{ name: 'cpu', unit: '%', color: '#0072b2', shown: true, value: '42' }]
 */
export function legendEntries({ names, series, cursor, hidden, dark }: LegendInput): LegendEntry[] {
  return names.map((name, i) => {
    const value = cursor ? cursor.values[i] : series.get(name)?.at(-1)?.value;
    return {
      name,
      unit: unitOf(name),
      color: seriesColor(i, dark),
      shown: !hidden.has(name),
      value: value === null || value === undefined ? '–' : numberFormat.format(value),
    };
  });
}

/**
 * The caption under the chart: the cursor's time, else whether the values shown are the latest.
 *
 * @example
 * cursorCaption(null, null); // 'Latest values'
 */
export function cursorCaption(cursor: CursorValues | null, staleNote: string | null): string {
  if (cursor) return `At ${timeFormat.format(cursor.at)}`;
  return staleNote ? `Latest values: ${staleNote}` : 'Latest values';
}

/**
 * The chart's accessible name: the window, the legend's values and, when old, since when.
 *
 * @example
 * chartLabel(60_000, entries, null); // 'Metrics over the last 60 seconds: cpu 42 %'
 */
export function chartLabel(
  windowMs: number,
  entries: readonly LegendEntry[],
  staleNote: string | null,
): string {
  const window = `Metrics over the last ${windowMs / 1000} seconds`;
  if (!entries.length) return `${window}: no data yet`;
  const values = entries.map((e) => `${e.name} ${e.value} ${e.unit}`).join(', ');
  return staleNote ? `${window} (${staleNote}): ${values}` : `${window}: ${values}`;
}

/**
 * The values under uPlot's cursor, or null when the cursor is off the plot.
 *
 * @example
 * hooks: { setCursor: [(plot) => cursor.set(cursorAt(plot))] }
 */
export function cursorAt(plot: uPlot): CursorValues | null {
  const index = plot.cursor.idx;
  if (index === null || index === undefined) return null;
  const [xs, ...columns] = plot.data;
  return { at: xs[index] * 1000, values: columns.map((column) => column[index]) };
}
