import { ComponentHarness } from '@angular/cdk/testing';

/**
 * Reads the server clock through its `role="status"` paragraph, as Playwright does.
 *
 * @example
 * const clock = await loader.getHarness(LiveTicksHarness);
 * expect(await clock.getText()).toContain('tick #9');
 */
export class LiveTicksHarness extends ComponentHarness {
  static hostSelector = 'app-live-ticks';

  private readonly status = this.locatorFor('[role="status"]');
  private readonly time = this.locatorForOptional('time');

  /** Everything the card says: clock, tick number and the stream's state when not open. */
  async getText(): Promise<string> {
    return (await (await this.status()).text()).replace(/\s+/g, ' ').trim();
  }

  /** The machine-readable server time (ISO 8601), or null before the first tick. */
  async getDateTime(): Promise<string | null> {
    return (await this.time())?.getAttribute('datetime') ?? null;
  }

  /** The stream state the card shows, e.g. `open` or `reconnecting`. */
  async getStreamStatus(): Promise<string | null> {
    return (await this.status()).getAttribute('data-status');
  }

  /** Whether changes are announced (`aria-live` is not `off`). */
  async isAnnounced(): Promise<boolean> {
    return (await (await this.status()).getAttribute('aria-live')) !== 'off';
  }

  /** An `aria-label` on the status, which would replace its text for screen readers. */
  async getAriaLabel(): Promise<string | null> {
    return (await this.status()).getAttribute('aria-label');
  }
}
