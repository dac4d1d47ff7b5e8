import { ComponentHarness } from '@angular/cdk/testing';

/** One legend entry of the metric chart. */
export interface LegendEntry {
  name: string;
  shown: boolean;
  text: string;
}

/**
 * Reads the metric chart through its `role="img"` summary, its legend buttons and the data
 * attributes it sets when it draws, as Playwright and `bench:ui` do.
 */
export class MetricChartHarness extends ComponentHarness {
  static hostSelector = 'app-metric-chart';

  private readonly plot = this.locatorFor('[role="img"]');
  private readonly buttons = this.locatorForAll('.legend button');
  private readonly legendGroup = this.locatorFor('.legend');
  private readonly cursorLine = this.locatorFor('.cursor');

  /** The summary screen readers hear. */
  async getLabel(): Promise<string | null> {
    return (await this.plot()).getAttribute('aria-label');
  }

  /** Vertices drawn over all visible buckets (`data-points`, set when drawn). */
  async getPointsDrawn(): Promise<number> {
    return Number(await (await this.host()).getAttribute('data-points'));
  }

  /** Send time of the newest point drawn (`data-latest-at`), 0 before any. */
  async getLatestAt(): Promise<number> {
    return Number(await (await this.host()).getAttribute('data-latest-at'));
  }

  /** The units of the value axes, in order (`data-axes`). */
  async getAxes(): Promise<string[]> {
    const axes = await (await this.host()).getAttribute('data-axes');
    return axes ? axes.split(' ') : [];
  }

  /** The legend entries, in order; empty while there is no data. */
  async getLegend(): Promise<LegendEntry[]> {
    return Promise.all(
      (await this.buttons()).map(async (button) => ({
        name: (await button.getAttribute('data-series')) ?? '',
        shown: (await button.getAttribute('aria-pressed')) === 'true',
        text: await button.text(),
      })),
    );
  }

  /** The legend's text, e.g. the waiting message before any data. */
  async getLegendText(): Promise<string> {
    return (await this.legendGroup()).text();
  }

  /** The line above the legend: "Latest values", the cursor's time, or how old the values are. */
  async getValuesNote(): Promise<string> {
    return (await this.cursorLine()).text();
  }

  /** Presses the legend button of a series (shows or hides it). */
  async toggle(name: string): Promise<void> {
    const button = await this.locatorFor(`.legend button[data-series="${name}"]`)();
    await button.click();
  }
}
