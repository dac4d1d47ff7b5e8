import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';

import type { MetricPoint } from '../core/metric-store';
import { MetricChart } from './metric-chart';
import { MetricChartHarness } from './testing/metric-chart-harness';

const NOW = 1_700_000_000_000;

/** Points `secondsAgo` before NOW with the given values. */
function points(...samples: [secondsAgo: number, value: number][]): MetricPoint[] {
  return samples.map(([secondsAgo, value]) => ({ at: NOW - secondsAgo * 1000, value }));
}

describe('MetricChart', () => {
  async function render(
    series: Record<string, MetricPoint[]>,
    maxPoints = 300,
  ): Promise<MetricChartHarness> {
    const fixture = TestBed.createComponent(MetricChart);
    fixture.componentRef.setInput('series', new Map(Object.entries(series)));
    fixture.componentRef.setInput('now', NOW);
    fixture.componentRef.setInput('maxPoints', maxPoints);
    return TestbedHarnessEnvironment.harnessForFixture(fixture, MetricChartHarness);
  }

  it('draws one polyline per series with a legend, and names them in its label', async () => {
    const chart = await render({
      mem: points([30, 512], [1, 640.25]),
      cpu: points([20, 10], [10, 30], [2, 42]),
    });
    const series = await chart.getSeries();
    expect(series.map((s) => [s.name, s.points])).toEqual([
      ['cpu', 3],
      ['mem', 2],
    ]);
    expect(await chart.getLegend()).toEqual(['cpu 42', 'mem 640.3']);
    expect(await chart.getLabel()).toBe('Metrics over the last 60 seconds: cpu 42, mem 640.3');
    expect(await chart.getPointsDrawn()).toBe(5);
    expect(await chart.getLatestAt()).toBe(NOW - 1000);
  });

  it('uses only the last 60 seconds', async () => {
    const chart = await render({
      cpu: points([90, 1], [61, 2], [59, 3], [0, 4]),
      old: points([70, 1]),
    });
    const [cpu, ...others] = await chart.getSeries();
    expect(cpu.points).toBe(2);
    // 59 s ago is 1/60 of the way across; the lowest value sits at the bottom inset.
    expect(cpu.path).toBe('10,194 600,6');
    expect(others).toEqual([]);
    expect(await chart.getLabel()).toBe('Metrics over the last 60 seconds: cpu 4');
  });

  it('caps the vertices per series however dense the stream', async () => {
    const dense = Array.from({ length: 60_000 }, (_, i) => ({
      at: NOW - 60_000 + i,
      value: i % 7,
    }));
    const chart = await render({ a: dense, b: dense }, 300);
    expect((await chart.getSeries()).map((s) => s.points)).toEqual([300, 300]);
    expect(await chart.getPointsDrawn()).toBe(600);
  });

  it('says so while there is no data', async () => {
    const chart = await render({});
    expect(await chart.getLabel()).toBe('Metrics over the last 60 seconds: no data yet');
    expect(await chart.getPointsDrawn()).toBe(0);
    expect(await chart.getLatestAt()).toBe(0);
    expect(await chart.getLegend()).toEqual(['Waiting for metric events…']);
  });
});
