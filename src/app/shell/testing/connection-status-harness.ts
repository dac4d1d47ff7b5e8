import { ComponentHarness } from '@angular/cdk/testing';

/** Reads the connection status chip through its ARIA attributes, as Playwright does. */
export class ConnectionStatusHarness extends ComponentHarness {
  static hostSelector = 'app-connection-status';

  private readonly chip = this.locatorFor('[role="status"]');

  /** `idle`, `connecting`, `open`, `reconnecting` or `closed`. */
  async getStatus(): Promise<string | null> {
    return (await this.chip()).getAttribute('data-status');
  }

  /** The accessible label: state, reason, attempt and countdown. */
  async getLabel(): Promise<string | null> {
    return (await this.chip()).getAttribute('aria-label');
  }

  /** The visible text. */
  async getText(): Promise<string> {
    return (await this.chip()).text();
  }
}
