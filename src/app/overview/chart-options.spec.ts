import type uPlot from 'uplot';

import { chartOptions, isLone } from './chart-options';

describe('chartOptions', () => {
  const options = chartOptions({
    names: ['cpu', 'memory'],
    width: 600,
    height: 240,
    narrow: false,
    dark: false,
    hidden: new Set(),
    style: { color: 'black', borderTopColor: 'gray', fontFamily: 'Roboto' },
    range: () => [0, 60],
    onCursor: () => undefined,
  });

  it('shows a dot for a series with a single value so far, which draws no line', () => {
    const plot = {
      data: [
        [1, 2, 3],
        [null, 5, null],
        [4, 5, null],
      ],
    } as unknown as uPlot;
    const show = options.series[1].points?.show as (plot: uPlot, index: number) => boolean;
    expect(show(plot, 1)).toBeTrue();
    expect(show(plot, 2)).toBeFalse();
  });

  it('counts values, not buckets', () => {
    expect(isLone([])).toBeFalse();
    expect(isLone([null, undefined, null])).toBeFalse();
    expect(isLone([null, 0, null])).toBeTrue();
    expect(isLone([1, null, 2])).toBeFalse();
  });
});
