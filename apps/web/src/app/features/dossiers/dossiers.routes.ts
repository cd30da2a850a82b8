import { Route } from '@angular/router';
import { employerAccountGuard } from '../../core/auth/employer-account.guard';
import { roleGuard } from '../../core/auth/role.guard';

/**
 * An employer's dossiers: under `/dossiers` for its own users, and under
 * `/firm/employers/:id/dossiers` for firm staff (the pages read `:id`).
 */
export const dossierRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'dossiers.list.title',
    loadComponent: () =>
      import('./dossier-list-page.component').then(
        (m) => m.DossierListPageComponent,
      ),
  },
  {
    path: 'new',
    title: 'dossiers.new.title',
    canActivate: [roleGuard('employer.dossiers.write')],
    loadComponent: () =>
      import('./dossier-new-page.component').then(
        (m) => m.DossierNewPageComponent,
      ),
  },
  {
    path: 'import',
    title: 'imports.title',
    canActivate: [roleGuard('employer.dossiers.write'), employerAccountGuard],
    loadComponent: () =>
      import('../imports/import-page.component').then(
        (m) => m.ImportPageComponent,
      ),
  },
  {
    path: ':dossierId',
    title: 'dossiers.detail.title',
    loadComponent: () =>
      import('./dossier-detail-page.component').then(
        (m) => m.DossierDetailPageComponent,
      ),
  },
];
