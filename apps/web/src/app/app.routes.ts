import { Route } from '@angular/router';

/** Route titles are translation keys (see TranslatedTitleStrategy). */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.home',
    loadComponent: () =>
      import('./pages/home/home-page.component').then(
        (m) => m.HomePageComponent,
      ),
  },
  {
    path: 'status',
    title: 'nav.status',
    loadComponent: () =>
      import('./features/system-status/status-page.component').then(
        (m) => m.StatusPageComponent,
      ),
  },
  { path: '**', redirectTo: '' },
];
