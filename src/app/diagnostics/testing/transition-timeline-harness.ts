import { ComponentHarness } from '@angular/cdk/testing';

/** One timeline entry as its `data-*` attributes describe it. */
export interface TimelineEntry {
  status: string | null;
  reason: string | null;
  attempt: number | null;
  delayMs: number | null;
  text: string;
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

/** Reads the connection timeline through its list and data attributes, as Playwright does. */
export class TransitionTimelineHarness extends ComponentHarness {
  static hostSelector = 'app-transition-timeline';

  private readonly items = this.locatorForAll(
    '[aria-label="Connection timeline"] > li[data-status]',
  );

  /** Entries newest first. */
  async getEntries(): Promise<TimelineEntry[]> {
    return Promise.all(
      (await this.items()).map(async (item) => ({
        status: await item.getAttribute('data-status'),
        reason: await item.getAttribute('data-reason'),
        attempt: toNumber(await item.getAttribute('data-attempt')),
        delayMs: toNumber(await item.getAttribute('data-delay')),
        // Collapsed as a screen reader or Playwright's toHaveText() would.
        text: (await item.text()).replace(/\s+/g, ' '),
      })),
    );
  }

  /** The newest entry, or null while there is none. */
  async getLatest(): Promise<TimelineEntry | null> {
    return (await this.getEntries())[0] ?? null;
  }
}
