import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import {
  NotificationCardHarness,
  type NotificationCardHarnessFilters,
} from './notification-card-harness';

/** What a test usually wants to know about one notification. */
export interface NotificationSummary {
  title: string;
  level: string;
  read: boolean;
}

/** The notification list, read through ARIA attributes, as Playwright does. */
export class NotificationListHarness extends ComponentHarness {
  static hostSelector = 'app-notification-list';

  private readonly markAllReadButton = this.locatorFor(
    MatButtonHarness.with({ text: /Mark all read/ }),
  );

  /** The cards, in display order, optionally filtered. */
  async getCards(filters: NotificationCardHarnessFilters = {}): Promise<NotificationCardHarness[]> {
    return this.locatorForAll(NotificationCardHarness.with(filters))();
  }

  /** Title, level and read state of every item, in display order. */
  async getItems(): Promise<NotificationSummary[]> {
    const cards = await this.getCards();
    return Promise.all(
      cards.map(async (card) => ({
        title: await card.getTitle(),
        level: await card.getLevel(),
        read: await card.isRead(),
      })),
    );
  }

  /** Marks the item with this exact title read. */
  async markRead(title: string): Promise<void> {
    const [card] = await this.getCards({ title });
    if (!card) throw new Error(`No notification titled "${title}"`);
    await card.markRead();
  }

  async markAllRead(): Promise<void> {
    await (await this.markAllReadButton()).click();
  }

  async isMarkAllReadDisabled(): Promise<boolean> {
    return (await this.markAllReadButton()).isDisabled();
  }
}
