import type { MetricPoint } from '../core/metric-store';
import { toColumns, windowColumns } from './metric-columns';

// Buckets of 100 ms over one second, starting on a bucket boundary.
const WINDOW = { since: 10_000, windowMs: 1000, buckets: 10 };

describe('toColumns', () => {
  it('puts every series on the same x values: bucket centres in epoch seconds', () => {
    const { data } = toColumns([[], []], WINDOW);
    expect(data.length).toBe(3);
    expect(data[0].length).toBe(11);
    expect(data[0][0]).toBeCloseTo(10.05);
    expect(data[0][10]).toBeCloseTo(11.05);
  });

  it('keeps only the points at or after the start of the window', () => {
    const points = [9_900, 9_999, 10_000, 10_050].map((at) => ({ at, value: at }));
    const { data, points: drawn } = toColumns([points], WINDOW);
    expect(data[1][0]).toBe(10_025);
    expect(drawn).toBe(1);
  });

  it('averages a dense series into one vertex per bucket, however many points', () => {
    const dense: MetricPoint[] = Array.from({ length: 1000 }, (_, i) => ({
      at: 10_000 + i,
      value: i % 100,
    }));
    const { data, points } = toColumns([dense, dense], WINDOW);
    expect(points).toBe(20);
    expect(data[1].slice(0, 10)).toEqual(Array(10).fill(49.5));
    expect(data[2][10]).toBeNull();
  });

  it('leaves gaps where a series has no points, so series with other timestamps align', () => {
    const cpu = [{ at: 10_010, value: 5 }];
    const memory = [{ at: 10_510, value: 512 }];
    const { data } = toColumns([cpu, memory], WINDOW);
    expect(data[1][0]).toBe(5);
    expect(data[1][5]).toBeNull();
    expect(data[2][0]).toBeNull();
    expect(data[2][5]).toBe(512);
  });

  it('counts nothing when every point is older than the window', () => {
    const { data, points } = toColumns([[{ at: 10, value: 1 }]], WINDOW);
    expect(points).toBe(0);
    expect(data[1].every((value) => value === null)).toBeTrue();
  });
});

describe('windowColumns', () => {
  it('ends the window at `until`, with its range in epoch seconds', () => {
    const points = [
      { at: 30_000, value: 1 },
      { at: 89_000, value: 2 },
      { at: 90_000, value: 3 },
    ];
    const { data, points: drawn, range } = windowColumns([points], 90_000, 60_000);
    expect(range).toEqual([30, 90]);
    expect(data[0].length).toBe(301);
    expect(drawn).toBe(3);
  });
});
