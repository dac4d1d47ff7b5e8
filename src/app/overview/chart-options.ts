import type uPlot from 'uplot';

import { seriesColor, unitOf } from './metric-units';

/** What the metric chart's uPlot options depend on; all of it is known at (re)build time. */
export interface ChartSetup {
  /** The series, in legend order. */
  names: readonly string[];
  width: number;
  height: number;
  /** Phones: slimmer value axes, so three units still leave room for the lines. */
  narrow: boolean;
  dark: boolean;
  hidden: ReadonlySet<string>;
  /** The host's computed style: canvas needs concrete colours, not the theme's light-dark(). */
  style: Pick<CSSStyleDeclaration, 'color' | 'borderTopColor' | 'fontFamily'>;
  /** The x range (epoch seconds), read on every redraw as the window slides. */
  range: () => [number, number];
  onCursor: (plot: uPlot) => void;
}

/**
 * uPlot options for the metric chart: a time axis, one value axis per unit on alternating sides,
 * one series per metric, uPlot's own legend off (the component draws an accessible one).
 *
 * @example
 * new uPlot(chartOptions({ names: ['cpu'], width: 600, height: 240, ...rest }), data, element);
 */
export function chartOptions(setup: ChartSetup): uPlot.Options {
  const { names, narrow, dark, hidden, style } = setup;
  const text = style.color;
  const grid = { stroke: style.borderTopColor, width: 1 };
  const font = `${narrow ? 11 : 12}px ${style.fontFamily}`;
  const slim = narrow ? { size: 40, labelSize: 16, gap: 2 } : {};
  const units = unitsOf(names);
  return {
    width: setup.width,
    height: setup.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, range: () => setup.range() },
      ...Object.fromEntries(units.map((unit) => [unit, { auto: true }])),
    },
    series: [
      {},
      ...names.map((name, i) => ({
        label: name,
        scale: unitOf(name),
        stroke: seriesColor(i, dark),
        width: 2,
        spanGaps: true,
        show: !hidden.has(name),
        // A line needs two values: until a series has them its one value shows as a dot.
        points: { show: (plot: uPlot, index: number) => isLone(plot.data[index]) },
      })),
    ],
    axes: [
      { stroke: text, grid, ticks: grid, font },
      ...units.map((unit, i) => ({
        scale: unit,
        label: unit,
        // Alternate sides; only the first value axis draws gridlines, so they never disagree.
        side: i % 2 ? 1 : 3,
        stroke: text,
        grid: { ...grid, show: i === 0 },
        ticks: grid,
        font,
        labelFont: font,
        ...slim,
      })),
    ],
    hooks: { setCursor: [setup.onCursor] },
  };
}

/** Whether a column holds exactly one value (early out: columns hold hundreds of buckets). */
export function isLone(column: Iterable<number | null | undefined>): boolean {
  let values = 0;
  for (const value of column) {
    if (value !== null && value !== undefined && ++values > 1) return false;
  }
  return values === 1;
}

/** The distinct units of the series, in order of first use: one value axis each. */
export function unitsOf(names: readonly string[]): string[] {
  return [...new Set(names.map(unitOf))];
}
