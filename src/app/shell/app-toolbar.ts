import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink } from '@angular/router';

import { Clock } from '../core/clock';
import { LiveStream } from '../core/live-stream';
import { NotificationStore } from '../core/notification-store';
import { Session } from '../core/session';
import { ConnectionStatus } from './connection-status';

/** The top bar: app name, connection status, unread badge and the user menu. */
@Component({
  selector: 'app-toolbar',
  imports: [
    MatToolbarModule,
    MatIconModule,
    MatButtonModule,
    MatBadgeModule,
    MatMenuModule,
    RouterLink,
    ConnectionStatus,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar role="banner">
      <mat-icon aria-hidden="true">stream</mat-icon>
      <h1 class="app-name">SSE Dashboard</h1>
      <span class="spacer"></span>
      @if (session.user(); as user) {
        <app-connection-status
          [state]="live.state()"
          [enteredAt]="enteredAt()"
          [now]="clock.now()"
        />
        <a
          mat-icon-button
          routerLink="/notifications"
          [attr.aria-label]="'Notifications, ' + unread() + ' unread'"
        >
          <mat-icon
            aria-hidden="true"
            [matBadge]="unread()"
            [matBadgeHidden]="unread() === 0"
            matBadgeColor="warn"
            >notifications</mat-icon
          >
        </a>
        <button mat-button [matMenuTriggerFor]="userMenu" aria-label="User menu">
          <mat-icon aria-hidden="true">account_circle</mat-icon>
          {{ user }}
        </button>
        <mat-menu #userMenu="matMenu">
          <button mat-menu-item (click)="logout()">
            <mat-icon aria-hidden="true">logout</mat-icon>
            Log out
          </button>
        </mat-menu>
      }
    </mat-toolbar>
  `,
  styles: `
    mat-toolbar {
      gap: 12px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .app-name {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
  `,
})
export class AppToolbar {
  protected readonly session = inject(Session);
  protected readonly live = inject(LiveStream);
  protected readonly clock = inject(Clock);
  private readonly notifications = inject(NotificationStore);
  private readonly router = inject(Router);

  protected readonly unread = this.notifications.unread;
  protected readonly enteredAt = computed(() => this.live.diagnostics()?.log.at(-1)?.at ?? null);

  protected async logout(): Promise<void> {
    await this.session.logout();
    this.notifications.clear();
    await this.router.navigate(['/login']);
  }
}
