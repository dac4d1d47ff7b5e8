import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';

import type { MetricPoint } from '../core/metric-store';
import { formatClock } from '../shared/format';
import { MetricChart } from './metric-chart';
import { MetricChartHarness } from './testing/metric-chart-harness';

const NOW = 1_700_000_000_000;

/** Points `secondsAgo` before NOW with the given values. */
function points(...samples: [secondsAgo: number, value: number][]): MetricPoint[] {
  return samples.map(([secondsAgo, value]) => ({ at: NOW - secondsAgo * 1000, value }));
}

/** The chart draws in an animation frame; two frames cover a draw scheduled by the last render. */
const frames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('MetricChart', () => {
  async function render(series: Record<string, MetricPoint[]>): Promise<MetricChartHarness> {
    const fixture = TestBed.createComponent(MetricChart);
    fixture.componentRef.setInput('series', new Map(Object.entries(series)));
    fixture.componentRef.setInput('now', NOW);
    const chart = await TestbedHarnessEnvironment.harnessForFixture(fixture, MetricChartHarness);
    await fixture.whenStable();
    await frames();
    return chart;
  }

  it('draws every series on a canvas, with a legend and a summary label', async () => {
    const chart = await render({
      memory: points([30, 512], [1, 640.25]),
      cpu: points([20, 10], [10, 30], [2, 42]),
    });
    expect((await chart.getLegend()).map(({ name, shown }) => [name, shown])).toEqual([
      ['cpu', true],
      ['memory', true],
    ]);
    expect(await chart.getLabel()).toBe(
      'Metrics over the last 60 seconds: cpu 42 %, memory 640.3 MB',
    );
    expect(await chart.getPointsDrawn()).toBe(5);
    expect(await chart.getLatestAt()).toBe(NOW - 1000);
    const canvas = await (await chart.host()).getProperty<HTMLElement | null>('firstElementChild');
    expect(canvas?.querySelector('canvas')).toBeTruthy();
  });

  it('gives each unit its own value axis', async () => {
    const chart = await render({
      cpu: points([2, 42]),
      memory: points([2, 512]),
      rps: points([2, 120]),
    });
    expect(await chart.getAxes()).toEqual(['%', 'MB', 'req/s']);
  });

  it('uses only the last 60 seconds', async () => {
    const chart = await render({ cpu: points([90, 1], [61, 2], [59, 3], [0, 4]) });
    expect(await chart.getPointsDrawn()).toBe(2);
    expect(await chart.getLatestAt()).toBe(NOW);
  });

  it('caps the vertices per series however dense the stream', async () => {
    const dense = Array.from({ length: 60_000 }, (_, i) => ({
      at: NOW - 60_000 + i,
      value: i % 7,
    }));
    const chart = await render({ a: dense, b: dense });
    expect(await chart.getPointsDrawn()).toBeLessThanOrEqual(602);
    expect(await chart.getPointsDrawn()).toBeGreaterThanOrEqual(600);
  });

  it('hides and shows a series from its legend button', async () => {
    const chart = await render({ cpu: points([2, 42]), memory: points([2, 512]) });
    await chart.toggle('cpu');
    expect((await chart.getLegend()).map(({ shown }) => shown)).toEqual([false, true]);
    await chart.toggle('cpu');
    expect((await chart.getLegend()).map(({ shown }) => shown)).toEqual([true, true]);
  });

  it('says when its latest values stopped coming, and since when', async () => {
    const fresh = await render({ cpu: points([3, 42]) });
    expect(await fresh.getValuesNote()).toBe('Latest values');

    const stale = await render({ cpu: points([40, 41], [25, 42]) });
    const last = formatClock(NOW - 25_000);
    expect(await stale.getValuesNote()).toBe(
      `Latest values: no new values for 25 s, last at ${last}`,
    );
    expect(await stale.getLabel()).toBe(
      `Metrics over the last 60 seconds (no new values for 25 s, last at ${last}): cpu 42 %`,
    );
  });

  it('says so while there is no data', async () => {
    const chart = await render({});
    expect(await chart.getLabel()).toBe('Metrics over the last 60 seconds: no data yet');
    expect(await chart.getPointsDrawn()).toBe(0);
    expect(await chart.getLatestAt()).toBe(0);
    expect(await chart.getLegendText()).toBe('Waiting for metric events…');
  });
});
