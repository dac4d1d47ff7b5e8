import { ChangeDetectionStrategy, Component, afterEveryRender, inject } from '@angular/core';
import { MatIconModule, MatIconRegistry } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { benchHooks } from './core/bench-hooks';
import { EventLog } from './core/event-log';
import { GapRecovery } from './core/gap-recovery';
import { JobStore } from './core/job-store';
import { MetricStore } from './core/metric-store';
import { NotificationStore } from './core/notification-store';
import { Session } from './core/session';
import { AppToolbar } from './shell/app-toolbar';

interface NavItem {
  path: string;
  label: string;
  icon: string;
}

/** The shell: toolbar, side navigation once signed in, and the live announcements region. */
@Component({
  selector: 'app-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    AppToolbar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-toolbar />
    <mat-sidenav-container>
      <mat-sidenav
        mode="side"
        [opened]="session.user() !== null"
        role="navigation"
        aria-label="Main"
      >
        <mat-nav-list>
          @for (item of nav; track item.path) {
            <a
              mat-list-item
              [routerLink]="item.path"
              routerLinkActive
              #active="routerLinkActive"
              [routerLinkActiveOptions]="{ exact: true }"
              [activated]="active.isActive"
              [attr.aria-current]="active.isActive ? 'page' : null"
            >
              <mat-icon matListItemIcon aria-hidden="true">{{ item.icon }}</mat-icon>
              <span matListItemTitle>{{ item.label }}</span>
            </a>
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content>
        <main>
          <router-outlet />
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
    <div class="cdk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {{ announcement() }}
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    mat-sidenav-container {
      flex: 1;
    }
    mat-sidenav {
      width: 220px;
    }
    main {
      padding: 16px;
    }
  `,
})
export class App {
  protected readonly session = inject(Session);
  protected readonly announcement = inject(NotificationStore).announcement;
  protected readonly nav: NavItem[] = [
    { path: '/', label: 'Overview', icon: 'dashboard' },
    { path: '/notifications', label: 'Notifications', icon: 'notifications' },
    { path: '/jobs', label: 'Jobs', icon: 'work' },
    { path: '/diagnostics', label: 'Diagnostics', icon: 'monitor_heart' },
  ];

  constructor() {
    // Icons come from the self-hosted Material Symbols font rather than the legacy ligature font.
    inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
    // The stores start with the app, so a page opened later still has everything since login.
    inject(JobStore);
    inject(MetricStore);
    inject(EventLog);
    inject(GapRecovery);
    const bench = benchHooks;
    if (bench) afterEveryRender(() => bench.renders++);
  }
}
