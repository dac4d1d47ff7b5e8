import { ComponentHarness } from '@angular/cdk/testing';

/** Reads the connection status chip through its ARIA attributes, as Playwright does. */
export class ConnectionStatusHarness extends ComponentHarness {
  static hostSelector = 'app-connection-status';

  private readonly chip = this.locatorFor('[role="status"]');
  private readonly announcer = this.locatorFor('[data-testid="connection-announcer"]');

  /** `idle`, `connecting`, `open`, `reconnecting` or `closed`. */
  async getStatus(): Promise<string | null> {
    return (await this.chip()).getAttribute('data-status');
  }

  /** The accessible label: state, reason, attempt and countdown. */
  async getLabel(): Promise<string | null> {
    return (await this.chip()).getAttribute('aria-label');
  }

  /** What the polite live region says: state, reason and attempt, never the countdown. */
  async getAnnouncement(): Promise<string> {
    return (await this.announcer()).text();
  }

  /** Whether the chip itself is live (it should not be: its countdown ticks). */
  async isLive(): Promise<boolean> {
    return (await (await this.chip()).getAttribute('aria-live')) !== 'off';
  }

  /** The visible text. */
  async getText(): Promise<string> {
    return (await this.chip()).text();
  }
}
