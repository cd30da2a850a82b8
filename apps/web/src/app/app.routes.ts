import { Route } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';
import { employerAccountGuard } from './core/auth/employer-account.guard';
import { guestGuard } from './core/auth/guest.guard';
import { roleGuard } from './core/auth/role.guard';
import { twoFactorEnrolmentGuard } from './core/auth/two-factor-enrolment.guard';

/**
 * Route titles are translation keys (see TranslatedTitleStrategy). Every page is lazy-loaded;
 * `authGuard` / `roleGuard(permission)` open them per the contract's ROLE_PERMISSIONS.
 */
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
  {
    path: 'sign-in',
    title: 'nav.signIn',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('./features/auth/sign-in/sign-in-page.component').then(
        (m) => m.SignInPageComponent,
      ),
  },
  {
    path: 'password-reset',
    pathMatch: 'full',
    title: 'passwordReset.request.title',
    loadComponent: () =>
      import(
        './features/auth/password-reset/password-reset-request-page.component'
      ).then((m) => m.PasswordResetRequestPageComponent),
  },
  {
    path: 'password-reset/confirm',
    title: 'passwordReset.confirm.title',
    loadComponent: () =>
      import(
        './features/auth/password-reset/password-reset-confirm-page.component'
      ).then((m) => m.PasswordResetConfirmPageComponent),
  },
  {
    path: 'invitations/:token',
    title: 'invitation.title',
    loadComponent: () =>
      import('./features/auth/invitation/invitation-page.component').then(
        (m) => m.InvitationPageComponent,
      ),
  },
  {
    path: 'account',
    pathMatch: 'full',
    title: 'nav.account',
    canActivate: [authGuard],
    loadComponent: () =>
      import('./features/account/account-page.component').then(
        (m) => m.AccountPageComponent,
      ),
  },
  {
    path: 'account/calendar',
    title: 'firmConsole.nav.calendarFeed',
    canActivate: [authGuard],
    loadComponent: () =>
      import(
        './features/firm-console/calendar-feed/calendar-feed-page.component'
      ).then((m) => m.CalendarFeedPageComponent),
  },
  {
    path: 'account/two-factor',
    title: 'twoFactor.title',
    canActivate: [twoFactorEnrolmentGuard],
    loadComponent: () =>
      import('./features/account/two-factor-enrolment-page.component').then(
        (m) => m.TwoFactorEnrolmentPageComponent,
      ),
  },
  {
    path: 'employer/users',
    title: 'nav.users',
    canActivate: [roleGuard('employer.users.manage')],
    loadComponent: () =>
      import('./features/employer-users/employer-users-page.component').then(
        (m) => m.EmployerUsersPageComponent,
      ),
  },
  {
    path: 'dossiers',
    canActivate: [employerAccountGuard],
    loadChildren: () =>
      import('./features/dossiers/dossiers.routes').then(
        (m) => m.dossierRoutes,
      ),
  },
  {
    path: 'tableau-de-bord',
    title: 'nav.dashboard',
    canActivate: [employerAccountGuard],
    loadComponent: () =>
      import('./features/dashboard/dashboard-page.component').then(
        (m) => m.DashboardPageComponent,
      ),
  },
  {
    path: 'campagnes',
    title: 'nav.campaigns',
    canActivate: [employerAccountGuard],
    loadComponent: () =>
      import('./features/campaigns/campaigns-page.component').then(
        (m) => m.CampaignsPageComponent,
      ),
  },
  {
    path: 'firm',
    canActivate: [roleGuard('firm.read')],
    loadChildren: () =>
      import('./features/firm.routes').then((m) => m.firmRoutes),
  },
  {
    path: 'notifications',
    title: 'reminders.notifications.title',
    canActivate: [authGuard],
    loadComponent: () =>
      import('./features/reminders/notifications-page.component').then(
        (m) => m.NotificationsPageComponent,
      ),
  },
  {
    path: 'employer/reminders',
    title: 'reminders.settings.title',
    canActivate: [
      roleGuard('employer.reminders.settings'),
      employerAccountGuard,
    ],
    loadComponent: () =>
      import('./features/reminders/reminder-settings-page.component').then(
        (m) => m.ReminderSettingsPageComponent,
      ),
  },
  {
    path: 'relance/:token',
    title: 'reminders.relance.title',
    loadComponent: () =>
      import('./features/reminders/relance-page.component').then(
        (m) => m.RelancePageComponent,
      ),
  },
  {
    path: 'not-found',
    title: 'notFound.title',
    loadComponent: () =>
      import('./pages/not-found/not-found-page.component').then(
        (m) => m.NotFoundPageComponent,
      ),
  },
  {
    path: '**',
    title: 'notFound.title',
    loadComponent: () =>
      import('./pages/not-found/not-found-page.component').then(
        (m) => m.NotFoundPageComponent,
      ),
  },
];
