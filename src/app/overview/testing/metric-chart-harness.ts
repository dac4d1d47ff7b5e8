import { ComponentHarness } from '@angular/cdk/testing';

/** One drawn series of the metric chart. */
export interface ChartSeries {
  name: string;
  points: number;
  /** The SVG `points` attribute: `x,y` pairs. */
  path: string;
}

/** Reads the metric chart through its `role="img"` SVG and data attributes, as Playwright does. */
export class MetricChartHarness extends ComponentHarness {
  static hostSelector = 'app-metric-chart';

  private readonly svg = this.locatorFor('svg[role="img"]');
  private readonly polylines = this.locatorForAll('polyline');
  private readonly legendItems = this.locatorForAll('.legend li');

  /** The summary screen readers hear. */
  async getLabel(): Promise<string | null> {
    return (await this.svg()).getAttribute('aria-label');
  }

  /** Vertices drawn over all series (`data-points`). */
  async getPointsDrawn(): Promise<number> {
    return Number(await (await this.svg()).getAttribute('data-points'));
  }

  /** Send time of the newest point drawn (`data-latest-at`), 0 before any. */
  async getLatestAt(): Promise<number> {
    return Number(await (await this.svg()).getAttribute('data-latest-at'));
  }

  /** The drawn series, in legend order. */
  async getSeries(): Promise<ChartSeries[]> {
    return Promise.all(
      (await this.polylines()).map(async (line) => ({
        name: (await line.getAttribute('data-series')) ?? '',
        points: Number(await line.getAttribute('data-points')),
        path: (await line.getAttribute('points')) ?? '',
      })),
    );
  }

  /** The legend's entries as text. */
  async getLegend(): Promise<string[]> {
    return Promise.all((await this.legendItems()).map((item) => item.text()));
  }
}
