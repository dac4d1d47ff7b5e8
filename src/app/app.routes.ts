import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';

import { returnTarget, toLogin } from './core/login-redirect';
import { Session } from './core/session';

// A deep link opened signed out leads to the login page and, once signed in, back to itself.
const signedIn: CanActivateFn = (_, state) =>
  inject(Session).user() !== null || toLogin(inject(Router), state.url);

// A signed-in user has nothing to do on the login form (it would read as being signed out), so
// goes where the form would have led: a login tab reloaded after signing in elsewhere, say.
const signedOut: CanActivateFn = (route) =>
  inject(Session).user() === null ||
  inject(Router).parseUrl(returnTarget(route.queryParamMap.get('returnUrl')));

export const routes: Routes = [
  {
    path: 'login',
    title: 'Sign in · SSE Dashboard',
    canActivate: [signedOut],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [signedIn],
    children: [
      {
        path: '',
        title: 'Overview · SSE Dashboard',
        loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'notifications',
        title: 'Notifications · SSE Dashboard',
        loadComponent: () =>
          import('./notifications/notifications-page').then((m) => m.NotificationsPage),
      },
      {
        path: 'jobs',
        title: 'Jobs · SSE Dashboard',
        loadComponent: () => import('./jobs/jobs-page').then((m) => m.JobsPage),
      },
      {
        path: 'assistant',
        title: 'Assistant · SSE Dashboard',
        loadComponent: () => import('./assistant/assistant-page').then((m) => m.AssistantPage),
      },
      {
        path: 'diagnostics',
        title: 'Diagnostics · SSE Dashboard',
        loadComponent: () =>
          import('./diagnostics/diagnostics-page').then((m) => m.DiagnosticsPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
