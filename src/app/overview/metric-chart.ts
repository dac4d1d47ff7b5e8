import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import uPlot from 'uplot';

import { type MetricPoint, WINDOW_MS } from '../core/metric-store';
import { Theme } from '../shell/theme';
import { toColumns } from './metric-columns';
import { chartOptions, unitsOf } from './chart-options';
import { FrameGate } from './frame-gate';
import { staleValuesNote } from './metric-staleness';
import { seriesColor, unitOf } from './metric-units';

/** One legend entry: a series, its unit and colour, and the value at the cursor or the latest. */
interface LegendEntry {
  name: string;
  unit: string;
  color: string;
  shown: boolean;
  value: string;
}

/** Values under the cursor: the bucket's time and one value per series, in legend order. */
interface CursorValues {
  at: number;
  values: (number | null | undefined)[];
}

const HEIGHT = 240;
const BUCKETS = 300;
const NARROW_PX = 600;
const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * A live uPlot chart of metric series over a sliding window: a time axis, one value axis per unit,
 * gridlines, values under the cursor, and a legend of toggle buttons. Angular only tracks which
 * series exist; the points go to the canvas after the change detection that saw them (not
 * inside it, and never through a template binding), at most once per animation frame.
 * `data-latest-at` (the newest point drawn) is set at draw time, which is what `bench:ui`
 * measures. The uPlot options are built by `chartOptions`.
 */
@Component({
  selector: 'app-metric-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // uPlot builds its own DOM, which emulated encapsulation cannot reach; rules are scoped by hand.
  encapsulation: ViewEncapsulation.None,
  styleUrl: './metric-chart.scss',
  template: `
    <div #plot class="plot" role="img" [attr.aria-label]="label()"></div>
    <p class="cursor" aria-hidden="true" [class.stale]="staleNote() !== null">{{ cursorTime() }}</p>
    <div class="legend" role="group" aria-label="Series: press to show or hide">
      @for (entry of legend(); track entry.name) {
        <button
          type="button"
          [attr.aria-pressed]="entry.shown"
          [attr.data-series]="entry.name"
          (click)="toggle(entry.name)"
        >
          <span class="swatch" [style.background]="entry.color"></span>
          {{ entry.name }} <strong>{{ entry.value }}</strong> {{ entry.unit }}
        </button>
      } @empty {
        <p>Waiting for metric events…</p>
      }
    </div>
  `,
})
export class MetricChart {
  /** Points by series name, in time order. */
  readonly series = input.required<ReadonlyMap<string, readonly MetricPoint[]>>();
  /** The right edge of the chart (epoch ms); a ticking clock slides the window. */
  readonly now = input.required<number>();
  readonly windowMs = input(WINDOW_MS);

  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly destroyRef = inject(DestroyRef);
  private readonly plotElement = viewChild.required<ElementRef<HTMLElement>>('plot');
  private readonly dark = inject(Theme).dark;
  private readonly hidden = signal<ReadonlySet<string>>(new Set());
  private readonly cursor = signal<CursorValues | null>(null);

  /** Series with points, sorted by name: the chart's series, axes and legend. */
  private readonly names = computed(
    () => [...this.series()].flatMap(([name, points]) => (points.length ? [name] : [])).sort(),
    { equal: sameNames },
  );

  protected readonly legend = computed<LegendEntry[]>(() => {
    const cursor = this.cursor();
    return this.names().map((name, i) => {
      const value = cursor ? cursor.values[i] : this.series().get(name)?.at(-1)?.value;
      return {
        name,
        unit: unitOf(name),
        color: seriesColor(i, this.dark()),
        shown: !this.hidden().has(name),
        value: value === null || value === undefined ? '–' : numberFormat.format(value),
      };
    });
  });

  /** Send time of the newest point of any series, or 0 before any. */
  private readonly latestAt = computed(() =>
    Math.max(0, ...[...this.series().values()].map((points) => points.at(-1)?.at ?? 0)),
  );

  /** Old values and since when, once nothing came for long enough to matter; else null. */
  protected readonly staleNote = computed(() => staleValuesNote(this.latestAt(), this.now()));

  protected readonly cursorTime = computed(() => {
    const cursor = this.cursor();
    if (cursor) return `At ${timeFormat.format(cursor.at)}`;
    const stale = this.staleNote();
    return stale ? `Latest values: ${stale}` : 'Latest values';
  });

  protected readonly label = computed(() => {
    const window = `Metrics over the last ${this.windowMs() / 1000} seconds`;
    const entries = this.legend();
    if (!entries.length) return `${window}: no data yet`;
    const values = entries.map((e) => `${e.name} ${e.value} ${e.unit}`).join(', ');
    const stale = this.staleNote();
    return stale ? `${window} (${stale}): ${values}` : `${window}: ${values}`;
  });

  private plot: uPlot | null = null;
  private readonly gate = new FrameGate(() => this.draw());
  private narrow = false;
  private destroyed = false;
  private rebuild = true;
  private range: [number, number] = [0, 0];

  constructor() {
    effect(() => {
      this.names();
      this.dark();
      this.rebuild = true;
      this.gate.schedule();
    });
    effect(() => {
      this.series();
      this.now();
      this.gate.schedule();
    });
    afterNextRender(() => {
      const element = this.plotElement().nativeElement;
      const resize = new ResizeObserver(() => {
        // Crossing the narrow width changes the axes' sizes, which only a rebuild applies.
        if (this.narrow !== this.isNarrow()) {
          this.rebuild = true;
          this.gate.schedule();
        } else {
          this.plot?.setSize(this.size());
        }
      });
      resize.observe(element);
      this.gate.schedule();
      this.destroyRef.onDestroy(() => {
        this.gate.cancel();
        resize.disconnect();
        this.plot?.destroy();
        this.plot = null;
        this.destroyed = true;
      });
    });
  }

  /** Shows or hides a series; its axis stays, so the other lines do not jump. */
  protected toggle(name: string): void {
    const hidden = new Set(this.hidden());
    const show = hidden.delete(name);
    if (!show) hidden.add(name);
    this.hidden.set(hidden);
    this.plot?.setSeries(this.names().indexOf(name) + 1, { show });
  }

  private draw(): void {
    if (this.destroyed) return;
    const element = this.plotElement().nativeElement;
    if (!element.isConnected) return;
    const names = this.names();
    const series = this.series();
    const until = this.now();
    const since = until - this.windowMs();
    this.range = [since / 1000, until / 1000];
    const raw = names.map((name) => series.get(name) ?? []);
    const { data, points } = toColumns(raw, {
      since,
      windowMs: this.windowMs(),
      buckets: BUCKETS,
    });
    if (this.rebuild || !this.plot) {
      this.rebuild = false;
      this.plot?.destroy();
      this.plot = new uPlot(this.options(names), data, element);
    } else {
      this.plot.setData(data);
    }
    this.host.setAttribute('data-points', String(points));
    this.host.setAttribute('data-latest-at', String(this.latestAt()));
  }

  /** Phones: slimmer value axes, so three units still leave room for the lines. */
  private isNarrow(): boolean {
    return this.plotElement().nativeElement.clientWidth < NARROW_PX;
  }

  private size(): { width: number; height: number } {
    return { width: this.plotElement().nativeElement.clientWidth, height: HEIGHT };
  }

  private options(names: readonly string[]): uPlot.Options {
    this.narrow = this.isNarrow();
    this.host.setAttribute('data-axes', unitsOf(names).join(' '));
    return chartOptions({
      names,
      ...this.size(),
      narrow: this.narrow,
      dark: this.dark(),
      hidden: this.hidden(),
      style: getComputedStyle(this.host),
      range: () => this.range,
      onCursor: (plot) => this.onCursor(plot),
    });
  }

  private onCursor(plot: uPlot): void {
    const index = plot.cursor.idx;
    if (index === null || index === undefined) {
      this.cursor.set(null);
      return;
    }
    const [xs, ...columns] = plot.data;
    this.cursor.set({ at: xs[index] * 1000, values: columns.map((column) => column[index]) });
  }
}
