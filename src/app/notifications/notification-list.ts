import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import type { NotificationItem } from '../core/notification-store';
import { NotificationCard } from './notification-card';

/** The notifications as given (the store keeps them newest first), with "Mark all read". */
@Component({
  selector: 'app-notification-list',
  imports: [MatButtonModule, MatIconModule, NotificationCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toolbar">
      <span class="count">{{ unread() }} unread of {{ items().length }}</span>
      <!-- Stays focusable once disabled: pressing it disables it, which would drop focus. -->
      <button
        mat-stroked-button
        type="button"
        [disabled]="unread() === 0"
        disabledInteractive
        (click)="unread() > 0 && markAllRead.emit()"
      >
        <mat-icon aria-hidden="true">done_all</mat-icon>
        Mark all read
      </button>
    </div>
    <div role="list" aria-label="Notifications" class="items">
      @for (item of items(); track item.id) {
        <app-notification-card [item]="item" [now]="now()" (markRead)="markRead.emit($event)" />
      }
    </div>
    @if (items().length === 0 && loaded()) {
      <p class="empty">No notifications yet.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .toolbar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin-bottom: 12px;
    }
    .count,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .items {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
  `,
})
export class NotificationList {
  readonly items = input.required<readonly NotificationItem[]>();
  /** The current time (epoch ms), for the relative times. */
  readonly now = input.required<number>();
  /** False while the list failed to load: no items then means unknown, not "none yet". */
  readonly loaded = input(true);
  /** Emits the id of the item to mark read. */
  readonly markRead = output<string>();
  readonly markAllRead = output();

  protected readonly unread = computed(() => this.items().filter((item) => !item.read).length);
}
