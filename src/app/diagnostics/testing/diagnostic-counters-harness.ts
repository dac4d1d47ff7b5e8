import { ComponentHarness } from '@angular/cdk/testing';

/** Counter keys, as in `data-counter`. */
export type CounterKey =
  'events' | 'reconnects' | 'parse-errors' | 'last-event-id' | 'connected' | 'last-error' | 'role';

/** Reads the diagnostics counters by their `data-counter` key, as Playwright does. */
export class DiagnosticCountersHarness extends ComponentHarness {
  static hostSelector = 'app-diagnostic-counters';

  private counter(key: CounterKey) {
    return this.locatorFor(`[data-counter="${key}"]`)();
  }

  /** The value as shown. */
  async getValue(key: CounterKey): Promise<string> {
    return (await this.counter(key)).text();
  }

  /** The accessible name, `Label: value`. */
  async getAccessibleName(key: CounterKey): Promise<string | null> {
    return (await this.counter(key)).getAttribute('aria-label');
  }
}
