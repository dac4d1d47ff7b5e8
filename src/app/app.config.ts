import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  withComponentInputBinding,
  withNavigationErrorHandler,
  withRouterConfig,
} from '@angular/router';
import {
  provideSse,
  withCredentials,
  withCrossTabSharing,
  withFetchTransport,
  withLinger,
  withReconnect,
} from 'ngx-sse';

import { routes } from './app.routes';
import { dashboardPolicy } from './core/reconnect-policy';
import { Session } from './core/session';
import { reportNavigationFailure } from './shell/navigation-failure';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // A page that fails to load says so (a snack bar), and the click's promise resolves false
    // rather than rejecting into the console.
    provideRouter(
      routes,
      withComponentInputBinding(),
      withNavigationErrorHandler(reportNavigationFailure),
      withRouterConfig({ resolveNavigationPromiseOnError: true }),
    ),
    provideHttpClient(withFetch()),
    // The session cookie authenticates the stream; linger keeps it across route changes; fetch
    // is available to the streams that ask for it (the settings page, the assistant), EventSource
    // stays the default; tabs of the dashboard share one connection.
    provideSse(
      withCredentials(),
      withLinger(2000),
      withFetchTransport({ default: false }),
      withCrossTabSharing(),
      // A wrong content type is retried too: see dashboardPolicy.
      withReconnect({ policy: dashboardPolicy }),
    ),
    provideAppInitializer(() => inject(Session).restore()),
  ],
};
