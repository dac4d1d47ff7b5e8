import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';

import { Clock } from '../core/clock';
import { LiveStream } from '../core/live-stream';
import { NotificationStore } from '../core/notification-store';
import { Session } from '../core/session';
import { ConnectionStatus } from './connection-status';
import { THEME_CHOICES, Theme, type ThemeChoice } from './theme';

const THEME_META: Record<ThemeChoice, { label: string; icon: string }> = {
  system: { label: 'System theme', icon: 'brightness_auto' },
  light: { label: 'Light theme', icon: 'light_mode' },
  dark: { label: 'Dark theme', icon: 'dark_mode' },
};

/**
 * The top bar: the navigation button on small screens, app name, connection status, unread badge,
 * and the user menu with the theme choice.
 */
@Component({
  selector: 'app-toolbar',
  imports: [
    MatToolbarModule,
    MatIconModule,
    MatButtonModule,
    MatBadgeModule,
    MatMenuModule,
    MatTooltipModule,
    RouterLink,
    ConnectionStatus,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar role="banner" [class.compact]="compact()">
      @if (session.user() && compact()) {
        <button
          mat-icon-button
          type="button"
          aria-label="Navigation"
          aria-controls="app-nav"
          [attr.aria-expanded]="navOpen()"
          (click)="menuToggle.emit()"
        >
          <mat-icon aria-hidden="true">menu</mat-icon>
        </button>
      } @else {
        <mat-icon aria-hidden="true">stream</mat-icon>
      }
      <h1 class="app-name">SSE Dashboard</h1>
      <span class="spacer"></span>
      @if (session.user(); as user) {
        <app-connection-status
          [state]="live.state()"
          [enteredAt]="enteredAt()"
          [now]="clock.now()"
        />
        <!-- The badge sits on the link, not its icon: the icon is hidden from assistive technology
             and the link's name already says how many are unread. -->
        <a
          mat-icon-button
          routerLink="/notifications"
          [attr.aria-label]="'Notifications, ' + unread() + ' unread'"
          [matBadge]="unread()"
          [matBadgeHidden]="unread() === 0"
          matBadgeColor="warn"
        >
          <mat-icon aria-hidden="true">notifications</mat-icon>
        </a>
        @if (compact()) {
          <button
            mat-icon-button
            type="button"
            [matMenuTriggerFor]="userMenu"
            aria-label="User menu"
          >
            <mat-icon aria-hidden="true">account_circle</mat-icon>
          </button>
        } @else {
          <!-- A long name is cut to keep the toolbar's room; the tooltip and the menu show it whole. -->
          <button
            mat-button
            type="button"
            [matMenuTriggerFor]="userMenu"
            aria-label="User menu"
            [matTooltip]="'Signed in as ' + user"
          >
            <mat-icon aria-hidden="true">account_circle</mat-icon>
            <span class="user-name">{{ user }}</span>
          </button>
        }
        <mat-menu #userMenu="matMenu">
          <p class="signed-in" aria-hidden="true">Signed in as {{ user }}</p>
          @for (choice of themeChoices; track choice) {
            <button
              mat-menu-item
              type="button"
              role="menuitemradio"
              [attr.aria-checked]="theme.choice() === choice"
              (click)="theme.choose(choice)"
            >
              <mat-icon aria-hidden="true">{{ themeMeta[choice].icon }}</mat-icon>
              {{ themeMeta[choice].label }}
              <!-- Wrapped: a menu item puts every top-level mat-icon before its label. -->
              @if (theme.choice() === choice) {
                <span class="check" aria-hidden="true"><mat-icon>check</mat-icon></span>
              }
            </button>
          }
          <button mat-menu-item type="button" (click)="logout()">
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
    mat-toolbar.compact {
      gap: 4px;
      padding: 0 4px 0 8px;
    }
    .app-name {
      min-width: 0;
      overflow: hidden;
      font: var(--mat-sys-title-large);
      white-space: nowrap;
      text-overflow: ellipsis;
      margin: 0;
    }
    .compact .app-name {
      font: var(--mat-sys-title-medium);
    }
    .spacer {
      flex: 1;
    }
    /* The chip keeps its full text (attempt, countdown); the app name gives way first. */
    app-connection-status {
      flex: none;
    }
    .user-name {
      display: block;
      max-width: 16em;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .signed-in {
      margin: 0;
      overflow-wrap: anywhere;
      padding: 8px 16px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .check {
      float: inline-end;
      height: 24px;
      margin-inline-start: 16px;
    }
    .check mat-icon {
      margin: 0;
    }
  `,
})
export class AppToolbar {
  /** Small screens: the navigation is a drawer opened from the menu button. */
  readonly compact = input(false);
  /** Whether that drawer is open, for the button's `aria-expanded`. */
  readonly navOpen = input(false);
  readonly menuToggle = output<void>();

  protected readonly session = inject(Session);
  protected readonly live = inject(LiveStream);
  protected readonly clock = inject(Clock);
  protected readonly theme = inject(Theme);
  protected readonly themeChoices = THEME_CHOICES;
  protected readonly themeMeta = THEME_META;
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
