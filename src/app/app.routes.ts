import { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: 'Overview · SSE Dashboard',
    loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
  },
  { path: '**', redirectTo: '' },
];
