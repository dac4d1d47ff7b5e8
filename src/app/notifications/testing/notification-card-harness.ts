import { type BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

/** Filters for `NotificationCardHarness.with()`. */
export interface NotificationCardHarnessFilters extends BaseHarnessFilters {
  title?: string | RegExp;
  level?: string;
  read?: boolean;
}

/** One notification, read through its ARIA name and data attributes, as Playwright does. */
export class NotificationCardHarness extends ComponentHarness {
  static hostSelector = 'app-notification-card';

  private readonly time = this.locatorFor('time');
  private readonly titleText = this.locatorFor('.title');
  private readonly messageText = this.locatorForOptional('.message');
  private readonly markReadButton = this.locatorForOptional(
    MatButtonHarness.with({ text: 'Mark read' }),
  );

  /** Matches cards by title, level and read state. */
  static with(
    options: NotificationCardHarnessFilters = {},
  ): HarnessPredicate<NotificationCardHarness> {
    return new HarnessPredicate(NotificationCardHarness, options)
      .addOption('title', options.title, (harness, title) =>
        HarnessPredicate.stringMatches(harness.getTitle(), title),
      )
      .addOption(
        'level',
        options.level,
        async (harness, level) => (await harness.getLevel()) === level,
      )
      .addOption('read', options.read, async (harness, read) => (await harness.isRead()) === read);
  }

  /** The accessible name, `LEVEL: title`. */
  async getLabel(): Promise<string> {
    return (await (await this.host()).getAttribute('aria-label')) ?? '';
  }

  /** The title, taken from the accessible name. */
  async getTitle(): Promise<string> {
    const [label, level] = await Promise.all([this.getLabel(), this.getLevel()]);
    return label.slice(`${level}: `.length);
  }

  /** `INFO`, `WARNING` or `ERROR`. */
  async getLevel(): Promise<string> {
    return (await (await this.host()).getAttribute('data-level')) ?? '';
  }

  async isRead(): Promise<boolean> {
    return (await (await this.host()).getAttribute('data-read')) === 'true';
  }

  /** The relative time shown, e.g. "12 s ago". */
  async getTime(): Promise<string> {
    return (await this.time()).text();
  }

  /** The text direction the title and message are laid out in: `ltr` or `rtl`. */
  async getDirections(): Promise<{ title: string; message: string | null }> {
    const message = await this.messageText();
    return {
      title: await (await this.titleText()).getCssValue('direction'),
      message: message ? await message.getCssValue('direction') : null,
    };
  }

  /** Clicks "Mark read"; throws if the item is already read (the button is gone then). */
  async markRead(): Promise<void> {
    const button = await this.markReadButton();
    if (!button) throw new Error(`"${await this.getTitle()}" is already read`);
    await button.click();
  }
}
