import { Route } from '@angular/router';
import { roleGuard } from '../core/auth/role.guard';

/** `/firm/*`: the law firm's pages (the parent route requires `firm.read`). */
export const firmRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'overview' },
  {
    path: 'overview',
    title: 'firmConsole.nav.overview',
    canActivate: [roleGuard('firm.console')],
    loadComponent: () =>
      import('./firm-console/overview/employer-overview-page.component').then(
        (m) => m.EmployerOverviewPageComponent,
      ),
  },
  {
    path: 'deadlines',
    title: 'firmConsole.nav.deadlines',
    canActivate: [roleGuard('firm.console')],
    loadComponent: () =>
      import('./firm-console/deadlines/deadlines-page.component').then(
        (m) => m.DeadlinesPageComponent,
      ),
  },
  {
    path: 'analytics',
    title: 'firmConsole.nav.analytics',
    canActivate: [roleGuard('firm.console')],
    loadComponent: () =>
      import('./firm-console/analytics/analytics-page.component').then(
        (m) => m.AnalyticsPageComponent,
      ),
  },
  {
    path: 'employers',
    title: 'nav.employers',
    loadComponent: () =>
      import('./employers/employer-list-page.component').then(
        (m) => m.EmployerListPageComponent,
      ),
  },
  {
    path: 'employers/new',
    title: 'employers.new.title',
    canActivate: [roleGuard('firm.admin')],
    loadComponent: () =>
      import('./employers/employer-new-page.component').then(
        (m) => m.EmployerNewPageComponent,
      ),
  },
  {
    path: 'employers/:id',
    title: 'employers.detail.title',
    loadComponent: () =>
      import('./employers/employer-detail-page.component').then(
        (m) => m.EmployerDetailPageComponent,
      ),
  },
  {
    path: 'employers/:id/dossiers',
    loadChildren: () =>
      import('./dossiers/dossiers.routes').then((m) => m.dossierRoutes),
  },
  {
    path: 'employers/:id/reminders',
    title: 'reminders.settings.title',
    canActivate: [roleGuard('employer.reminders.settings')],
    loadComponent: () =>
      import('./reminders/reminder-settings-page.component').then(
        (m) => m.ReminderSettingsPageComponent,
      ),
  },
  {
    path: 'reminders',
    title: 'reminders.outbox.title',
    canActivate: [roleGuard('firm.reminders.outbox')],
    loadComponent: () =>
      import('./reminders/outbox-page.component').then(
        (m) => m.OutboxPageComponent,
      ),
  },
  {
    path: 'staff',
    title: 'nav.staff',
    loadComponent: () =>
      import('./staff/staff-page.component').then((m) => m.StaffPageComponent),
  },
  {
    path: 'audit',
    title: 'nav.audit',
    canActivate: [roleGuard('firm.admin')],
    loadComponent: () =>
      import('./audit/audit-page.component').then((m) => m.AuditPageComponent),
  },
];
