import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterEveryRender,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule, MatIconRegistry } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map, skip } from 'rxjs';

import { benchHooks } from './core/bench-hooks';
import { EventLog } from './core/event-log';
import { GapRecovery } from './core/gap-recovery';
import { JobStore } from './core/job-store';
import { MetricStore } from './core/metric-store';
import { NotificationStore } from './core/notification-store';
import { Session } from './core/session';
import { focusPageHeading } from './shared/page-heading';
import { AppToolbar } from './shell/app-toolbar';
import { StreamInterrupted } from './shell/stream-interrupted';
import { StreamStopped } from './shell/stream-stopped';

interface NavItem {
  path: string;
  label: string;
  icon: string;
}

/** Below this width the navigation becomes a drawer (Material 3's compact and medium sizes). */
export const COMPACT_QUERY = '(max-width: 839.98px)';

/**
 * The shell: toolbar, navigation once signed in (a side panel on wide screens, a modal drawer
 * opened from the toolbar's menu button on small ones), and the live announcements region.
 */
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
    StreamStopped,
    StreamInterrupted,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Escape closes the drawer wherever focus is, the menu button included.
  host: { '(document:keydown.escape)': 'drawerOpen.set(false)' },
  template: `
    <a class="app-skip-link" href="#main" (click)="skipToContent($event)">Skip to content</a>
    <app-toolbar [compact]="compact()" [navOpen]="drawerOpen()" (menuToggle)="toggleDrawer()" />
    <mat-sidenav-container>
      <mat-sidenav
        id="app-nav"
        [mode]="compact() ? 'over' : 'side'"
        [opened]="navOpened()"
        (openedChange)="onOpenedChange($event)"
      >
        <!-- The list is the navigation landmark (MatNavList's role): one landmark, and named. -->
        <mat-nav-list aria-label="Main">
          @for (item of nav; track item.path) {
            <a
              mat-list-item
              [routerLink]="item.path"
              routerLinkActive
              #active="routerLinkActive"
              [routerLinkActiveOptions]="{ exact: true }"
              [activated]="active.isActive"
              [attr.aria-current]="active.isActive ? 'page' : null"
              (click)="drawerOpen.set(false)"
            >
              <mat-icon matListItemIcon aria-hidden="true">{{ item.icon }}</mat-icon>
              <span matListItemTitle>{{ item.label }}</span>
            </a>
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content>
        <main id="main">
          <app-stream-stopped />
          <app-stream-interrupted />
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
    @media (max-width: 599.98px) {
      main {
        padding: 12px;
      }
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
    { path: '/assistant', label: 'Assistant', icon: 'smart_toy' },
    { path: '/diagnostics', label: 'Diagnostics', icon: 'monitor_heart' },
  ];

  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** The drawer on small screens; wide screens always show the navigation once signed in. */
  protected readonly drawerOpen = signal(false);
  protected readonly navOpened = computed(
    () => this.session.user() !== null && (!this.compact() || this.drawerOpen()),
  );

  /**
   * The drawer closes itself on Escape or a backdrop click; only those closes count. Opening is
   * always ours, and the drawer reports an open when its animation ends, which may be after a
   * navigation closed it again: taking that report would reopen the drawer.
   */
  protected onOpenedChange(open: boolean): void {
    if (!open) this.drawerOpen.set(false);
  }

  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  /**
   * The skip link moves focus itself: following `#main` would put the fragment in the URL, where
   * the router would take it for a navigation.
   */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    focusPageHeading(this.host, {});
  }

  protected toggleDrawer(): void {
    this.drawerOpen.update((open) => !open);
  }

  constructor() {
    // Icons come from the self-hosted Material Symbols font rather than the legacy ligature font.
    inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
    // The stores start with the app, so a page opened later still has everything since login.
    inject(JobStore);
    inject(MetricStore);
    inject(EventLog);
    inject(GapRecovery);
    // A navigation closes the drawer (a link, Back, a redirect to the login page); so does a
    // click on a link (in the template), as the page already open starts no navigation; so does
    // growing past the breakpoint.
    const navigations = inject(Router).events.pipe(
      filter((event) => event instanceof NavigationEnd),
      takeUntilDestroyed(),
    );
    navigations.subscribe(() => this.drawerOpen.set(false));
    // After a navigation (not the first load) focus moves to the new page's heading, as Angular's
    // accessibility guide advises: otherwise it stays on a removed control or the menu button,
    // the next Tab lands anywhere, and a screen reader is not told that the page changed.
    const injector = inject(Injector);
    navigations
      .pipe(skip(1))
      .subscribe(() => afterNextRender(() => focusPageHeading(this.host), { injector }));
    effect(() => {
      if (!this.compact()) this.drawerOpen.set(false);
    });
    const bench = benchHooks;
    if (bench) afterEveryRender(() => bench.renders++);
  }
}
