import type { MetricPoint } from '../core/metric-store';
import { downsample, toPolyline } from './chart-geometry';

const WINDOW = { since: 1000, windowMs: 100 };
const BOX = { width: 200, height: 100, inset: 10 };

describe('chart geometry', () => {
  describe('downsample', () => {
    it('keeps only the points at or after the start of the window', () => {
      const points = [900, 999, 1000, 1050].map((at) => ({ at, value: at }));
      expect(downsample(points, WINDOW, 10).map((p) => p.at)).toEqual([1000, 1050]);
    });

    it('averages a dense series into at most `max` time buckets', () => {
      const points: MetricPoint[] = Array.from({ length: 100 }, (_, i) => ({
        at: 1000 + i,
        value: i,
      }));
      const drawn = downsample(points, WINDOW, 4);
      expect(drawn).toEqual([
        { at: 1012, value: 12 },
        { at: 1037, value: 37 },
        { at: 1062, value: 62 },
        { at: 1087, value: 87 },
      ]);
    });

    it('returns nothing when every point is older than the window', () => {
      expect(downsample([{ at: 10, value: 1 }], WINDOW, 10)).toEqual([]);
    });
  });

  describe('toPolyline', () => {
    it('maps time to x and scales y to the series’ own min and max', () => {
      const points = [
        { at: 1000, value: 5 },
        { at: 1050, value: 10 },
        { at: 1100, value: 15 },
      ];
      expect(toPolyline(points, WINDOW, BOX)).toBe('0,90 100,50 200,10');
    });

    it('draws a flat series through the middle and clamps points past the right edge', () => {
      const points = [
        { at: 1025, value: 7 },
        { at: 1200, value: 7 },
      ];
      expect(toPolyline(points, WINDOW, BOX)).toBe('50,50 200,50');
    });
  });
});
