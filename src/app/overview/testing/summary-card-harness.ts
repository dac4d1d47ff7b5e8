import { type BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';

/** Filters summary cards by their label, e.g. `{ label: 'Running jobs' }`. */
export interface SummaryCardHarnessFilters extends BaseHarnessFilters {
  label?: string | RegExp;
}

/** Reads a summary card through its `role="status"` value, as Playwright does, and its live region. */
export class SummaryCardHarness extends ComponentHarness {
  static hostSelector = 'app-summary-card';

  private readonly status = this.locatorFor('[role="status"]');
  private readonly title = this.locatorFor('mat-card-title');
  private readonly live = this.locatorForOptional('[aria-live="polite"]');

  /** A predicate matching cards by label. */
  static with(options: SummaryCardHarnessFilters = {}): HarnessPredicate<SummaryCardHarness> {
    return new HarnessPredicate(SummaryCardHarness, options).addOption(
      'label',
      options.label,
      (harness, label) => HarnessPredicate.stringMatches(harness.getLabel(), label),
    );
  }

  /** The card's title. */
  async getLabel(): Promise<string> {
    return (await this.title()).text();
  }

  /** The value as shown. */
  async getValue(): Promise<string> {
    return (await this.status()).text();
  }

  /** The accessible name, `Label: value`. */
  async getAccessibleName(): Promise<string | null> {
    return (await this.status()).getAttribute('aria-label');
  }

  /** Whether changes are announced: the card has a polite live region. */
  async isAnnounced(): Promise<boolean> {
    return (await this.live()) !== null;
  }

  /** What the live region says now, '' before the first change. */
  async getAnnouncement(): Promise<string> {
    return (await (await this.live())?.text()) ?? '';
  }
}
