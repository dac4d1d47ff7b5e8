import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideSse, withBatching, withCredentials, withLinger } from 'ngx-sse';

import { routes } from './app.routes';
import { Session } from './core/session';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch()),
    // The session cookie authenticates the stream; linger keeps it across route changes; at
    // high event rates, one delivery per frame keeps change detection at the display's pace.
    provideSse(withCredentials(), withLinger(2000), withBatching('animation-frame')),
    provideAppInitializer(() => inject(Session).restore()),
  ],
};
