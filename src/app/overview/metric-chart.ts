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
import type uPlot from 'uplot';

import { type MetricPoint, WINDOW_MS } from '../core/metric-store';
import { Theme } from '../shell/theme';
import { windowColumns } from './metric-columns';
import { chartOptions, unitsOf } from './chart-options';
import {
  type CursorValues,
  chartLabel,
  cursorAt,
  cursorCaption,
  legendEntries,
} from './metric-legend';
import { MetricPlot, type PlotSize } from './metric-plot';
import { newestAt, staleValuesNote } from './metric-staleness';

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * A live uPlot chart of metric series over a sliding window: a time axis, one value axis per unit,
 * gridlines, values under the cursor, and a legend of toggle buttons. Angular only tracks which
 * series exist; the points go to the canvas after the change detection that saw them (not
 * inside it, and never through a template binding), at most once per animation frame.
 * `data-latest-at` (the newest point drawn) is set at draw time, which is what `bench:ui`
 * measures. The uPlot options are built by `chartOptions`, the columns by `windowColumns`, the
 * legend and labels by `metric-legend`; `MetricPlot` owns the uPlot instance.
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
  private readonly plotElement = viewChild.required<ElementRef<HTMLElement>>('plot');
  private readonly dark = inject(Theme).dark;
  private readonly hidden = signal<ReadonlySet<string>>(new Set());
  private readonly cursor = signal<CursorValues | null>(null);

  /** Series with points, sorted by name: the chart's series, axes and legend. */
  private readonly names = computed(
    () => [...this.series()].flatMap(([name, points]) => (points.length ? [name] : [])).sort(),
    { equal: sameNames },
  );

  protected readonly legend = computed(() =>
    legendEntries({
      names: this.names(),
      series: this.series(),
      cursor: this.cursor(),
      hidden: this.hidden(),
      dark: this.dark(),
    }),
  );

  /** Send time of the newest point of any series, or 0 before any. */
  private readonly latestAt = computed(() => newestAt(this.series()));

  /** Old values and since when, once nothing came for long enough to matter; else null. */
  protected readonly staleNote = computed(() => staleValuesNote(this.latestAt(), this.now()));

  protected readonly cursorTime = computed(() => cursorCaption(this.cursor(), this.staleNote()));

  protected readonly label = computed(() =>
    chartLabel(this.windowMs(), this.legend(), this.staleNote()),
  );

  private readonly plot = new MetricPlot({
    element: () => this.plotElement().nativeElement,
    data: () => this.columns(),
    options: (size) => this.options(size),
  });
  private range: [number, number] = [0, 0];

  constructor() {
    effect(() => {
      this.names();
      this.dark();
      this.plot.schedule(true);
    });
    effect(() => {
      this.series();
      this.now();
      this.plot.schedule();
    });
    afterNextRender(() => this.plot.observe());
    inject(DestroyRef).onDestroy(() => this.plot.destroy());
  }

  /** Shows or hides a series; its axis stays, so the other lines do not jump. */
  protected toggle(name: string): void {
    const hidden = new Set(this.hidden());
    const show = hidden.delete(name);
    if (!show) hidden.add(name);
    this.hidden.set(hidden);
    this.plot.setSeries(this.names().indexOf(name) + 1, show);
  }

  /** The window's columns as of now; what was drawn goes on the host for tests and bench:ui. */
  private columns(): uPlot.AlignedData {
    const series = this.series();
    const raw = this.names().map((name) => series.get(name) ?? []);
    const { data, points, range } = windowColumns(raw, this.now(), this.windowMs());
    this.range = range;
    this.host.setAttribute('data-points', String(points));
    this.host.setAttribute('data-latest-at', String(this.latestAt()));
    return data;
  }

  private options(size: PlotSize): uPlot.Options {
    const names = this.names();
    this.host.setAttribute('data-axes', unitsOf(names).join(' '));
    return chartOptions({
      names,
      ...size,
      dark: this.dark(),
      hidden: this.hidden(),
      style: getComputedStyle(this.host),
      range: () => this.range,
      onCursor: (plot) => this.cursor.set(cursorAt(plot)),
    });
  }
}
