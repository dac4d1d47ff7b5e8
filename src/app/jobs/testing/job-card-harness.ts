import { type BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';

/** Filters for `JobCardHarness.with()`. */
export interface JobCardHarnessFilters extends BaseHarnessFilters {
  name?: string | RegExp;
  state?: string;
}

/** One job card, read through its ARIA name and data attributes, as Playwright does. */
export class JobCardHarness extends ComponentHarness {
  static hostSelector = 'app-job-card';

  private readonly card = this.locatorFor('[role="article"]');
  private readonly icon = this.locatorFor('.state mat-icon');
  private readonly progressBar = this.locatorFor(MatProgressBarHarness);
  private readonly eta = this.locatorForOptional('.eta');
  private readonly cancelButton = this.locatorFor(MatButtonHarness.with({ text: 'Cancel' }));

  /** Matches cards by job name and state. */
  static with(options: JobCardHarnessFilters = {}): HarnessPredicate<JobCardHarness> {
    return new HarnessPredicate(JobCardHarness, options)
      .addOption('name', options.name, (harness, name) =>
        HarnessPredicate.stringMatches(harness.getName(), name),
      )
      .addOption(
        'state',
        options.state,
        async (harness, state) => (await harness.getState()) === state,
      );
  }

  /** The job name: the card's accessible name. */
  async getName(): Promise<string> {
    return (await (await this.card()).getAttribute('aria-label')) ?? '';
  }

  /** `queued`, `running`, `done`, `failed` or `cancelled`. */
  async getState(): Promise<string> {
    return (await (await this.card()).getAttribute('data-state')) ?? '';
  }

  /** The state chip's icon (a Material Symbols ligature). */
  async getStateIcon(): Promise<string> {
    return (await this.icon()).text();
  }

  /** The progress bar's value (its `aria-valuenow`). */
  async getPercent(): Promise<number | null> {
    return (await this.progressBar()).getValue();
  }

  /** The ETA text, or null once the job has finished. */
  async getEta(): Promise<string | null> {
    return (await this.eta())?.text() ?? null;
  }

  async cancel(): Promise<void> {
    await (await this.cancelButton()).click();
  }

  async isCancelDisabled(): Promise<boolean> {
    return (await this.cancelButton()).isDisabled();
  }
}
