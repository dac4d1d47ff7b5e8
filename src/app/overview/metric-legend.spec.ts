import type uPlot from 'uplot';

import { chartLabel, cursorAt, cursorCaption, legendEntries } from './metric-legend';

describe('metric legend', () => {
  const series = new Map([
    ['cpu', [{ at: 1000, value: 41.96 }]],
    ['memory', []],
  ]);
  const input = { names: ['cpu', 'memory'], series, cursor: null, dark: false };

  it('shows the latest value per series, a dash where there is none, and what is hidden', () => {
    const entries = legendEntries({ ...input, hidden: new Set(['memory']) });
    expect(entries.map(({ name, unit, shown, value }) => [name, unit, shown, value])).toEqual([
      ['cpu', '%', true, '42'],
      ['memory', 'MB', false, '–'],
    ]);
  });

  it('shows the values under the cursor instead, and its time', () => {
    const cursor = { at: Date.UTC(2026, 0, 1, 9, 30, 5), values: [12.34, null] };
    const entries = legendEntries({ ...input, cursor, hidden: new Set() });
    expect(entries.map(({ value }) => value)).toEqual(['12.3', '–']);
    expect(cursorCaption(cursor, 'old')).toMatch(/^At \d\d:30:05$/);
  });

  it('names the chart by its window and values, saying when they are old', () => {
    const entries = legendEntries({ ...input, hidden: new Set() });
    expect(chartLabel(60_000, [], null)).toBe('Metrics over the last 60 seconds: no data yet');
    expect(chartLabel(30_000, entries, 'stale')).toBe(
      'Metrics over the last 30 seconds (stale): cpu 42 %, memory – MB',
    );
    expect(cursorCaption(null, null)).toBe('Latest values');
    expect(cursorCaption(null, 'stale')).toBe('Latest values: stale');
  });

  it("reads uPlot's cursor bucket, or null off the plot", () => {
    const data = [
      [10, 11],
      [1, 2],
    ];
    expect(cursorAt({ cursor: { idx: 1 }, data } as unknown as uPlot)).toEqual({
      at: 11_000,
      values: [2],
    });
    expect(cursorAt({ cursor: { idx: null }, data } as unknown as uPlot)).toBeNull();
  });
});
