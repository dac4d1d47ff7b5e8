import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { type MetricPoint, WINDOW_MS } from '../core/metric-store';
import { type ChartBox, downsample, toPolyline } from './chart-geometry';

/** One drawn series: its polyline, colour and the numbers its legend entry shows. */
interface ChartLine {
  name: string;
  color: string;
  points: string;
  count: number;
  latest: string;
  latestAt: number;
}

const BOX: ChartBox = { width: 600, height: 200, inset: 6 };

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/**
 * A live line chart of metric series over a sliding window: one polyline per series, each scaled
 * to its own range. Paths are derived in `computed()`s, so a burst of events costs one recompute
 * per change detection, and each series is downsampled to at most `maxPoints` vertices.
 */
@Component({
  selector: 'app-metric-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      role="img"
      [attr.aria-label]="label()"
      [attr.data-points]="pointsDrawn()"
      [attr.data-latest-at]="latestAt()"
      [attr.viewBox]="viewBox"
      preserveAspectRatio="none"
    >
      @for (line of lines(); track line.name) {
        <polyline
          [attr.points]="line.points"
          [attr.data-series]="line.name"
          [attr.data-points]="line.count"
          [style.stroke]="line.color"
        />
      }
    </svg>
    <div class="axis" aria-hidden="true">
      <span>−{{ windowMs() / 1000 }} s</span><span>now</span>
    </div>
    <ul class="legend" aria-label="Series">
      @for (line of lines(); track line.name) {
        <li>
          <span class="swatch" [style.background]="line.color"></span>
          {{ line.name }} <strong>{{ line.latest }}</strong>
        </li>
      } @empty {
        <li>Waiting for metric events…</li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    svg {
      display: block;
      width: 100%;
      height: 200px;
      background: var(--mat-sys-surface-container-low);
      border-radius: 8px;
    }
    polyline {
      fill: none;
      stroke-width: 2;
      vector-effect: non-scaling-stroke;
    }
    .axis {
      display: flex;
      justify-content: space-between;
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-right: 4px;
      border-radius: 2px;
      vertical-align: middle;
    }
  `,
})
export class MetricChart {
  /** Points by series name, in time order. */
  readonly series = input.required<ReadonlyMap<string, readonly MetricPoint[]>>();
  /** The right edge of the chart (epoch ms); a ticking clock slides the window. */
  readonly now = input.required<number>();
  readonly windowMs = input(WINDOW_MS);
  /** The most vertices drawn per series. */
  readonly maxPoints = input(300);

  protected readonly viewBox = `0 0 ${BOX.width} ${BOX.height}`;

  protected readonly lines = computed<ChartLine[]>(() => {
    const window = { since: this.now() - this.windowMs(), windowMs: this.windowMs() };
    const names = [...this.series().keys()].sort();
    return names.flatMap((name, index) => {
      const raw = this.series().get(name) ?? [];
      const points = downsample(raw, window, this.maxPoints());
      if (!points.length) return [];
      const newest = raw[raw.length - 1];
      return {
        name,
        color: PALETTE[index % PALETTE.length],
        points: toPolyline(points, window, BOX),
        count: points.length,
        // The newest raw value, not the last bucket's average.
        latest: numberFormat.format(newest.value),
        latestAt: newest.at,
      };
    });
  });

  /** Vertices drawn over all series, exposed as `data-points` for tests and benchmarks. */
  readonly pointsDrawn = computed(() => this.lines().reduce((sum, line) => sum + line.count, 0));

  /** Send time (epoch ms) of the newest point drawn, 0 before any; `bench:ui` reads it. */
  readonly latestAt = computed(() => Math.max(0, ...this.lines().map((line) => line.latestAt)));

  protected readonly label = computed(() => {
    const lines = this.lines();
    const window = `Metrics over the last ${this.windowMs() / 1000} seconds`;
    if (!lines.length) return `${window}: no data yet`;
    return `${window}: ${lines.map((line) => `${line.name} ${line.latest}`).join(', ')}`;
  });
}
