import type { Routes } from '@angular/router';

import { StreamsPage } from './ssr-page';

/** `/` is prerendered by `ng build`, `/ssr` rendered per request by `server.mjs`. */
export const routes: Routes = [
  { path: '', component: StreamsPage },
  { path: 'ssr', component: StreamsPage },
];
