import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

import { Clock } from '../core/clock';
import { NotificationStore } from '../core/notification-store';
import { ComposeNotification } from './compose-notification';
import { NotificationList } from './notification-list';
import { LoadError } from '../shared/load-error';

/** `/notifications`: the compose form and the live list, newest first. */
@Component({
  selector: 'app-notifications-page',
  imports: [MatCardModule, ComposeNotification, NotificationList, LoadError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'app-page narrow' },
  styles: `
    .loading {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <h2>Notifications</h2>
    <mat-card appearance="outlined">
      <mat-card-header><mat-card-title>New notification</mat-card-title></mat-card-header>
      <mat-card-content><app-compose-notification /></mat-card-content>
    </mat-card>
    @if (store.loadError(); as message) {
      <app-load-error what="notifications" [message]="message" (retry)="store.reload()" />
    }
    @if (store.loadingEmpty()) {
      <p class="loading" role="status">Loading notifications…</p>
    }
    <app-notification-list
      [items]="store.items()"
      [now]="now()"
      [loaded]="!store.loadError() && !store.loadPending()"
      (markRead)="store.markRead($event)"
      (markAllRead)="store.markAllRead()"
    />
  `,
})
export class NotificationsPage {
  protected readonly store = inject(NotificationStore);
  private readonly clock = inject(Clock);
  // Relative times change once a second at most; whole seconds spare the list three of four ticks.
  protected readonly now = computed(() => Math.floor(this.clock.now() / 1000) * 1000);
}
