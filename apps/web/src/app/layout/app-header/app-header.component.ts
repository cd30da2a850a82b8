import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { SignOutService } from '../../core/auth/sign-out.service';
import { LanguageSwitchComponent } from '../language-switch/language-switch.component';
import { NotificationBellComponent } from '../../features/reminders/notification-bell.component';

export interface NavigationLink {
  path: string;
  labelKey: string;
  exact: boolean;
  testId: string;
}

const HOME: NavigationLink = {
  path: '/',
  labelKey: 'nav.home',
  exact: true,
  testId: 'nav-home',
};
const EMPLOYERS: NavigationLink = {
  path: '/firm/employers',
  labelKey: 'nav.employers',
  exact: false,
  testId: 'nav-employers',
};
const OVERVIEW: NavigationLink = {
  path: '/firm/overview',
  labelKey: 'firmConsole.nav.overview',
  exact: false,
  testId: 'nav-overview',
};
const DEADLINES: NavigationLink = {
  path: '/firm/deadlines',
  labelKey: 'firmConsole.nav.deadlines',
  exact: false,
  testId: 'nav-deadlines',
};
const ANALYTICS: NavigationLink = {
  path: '/firm/analytics',
  labelKey: 'firmConsole.nav.analytics',
  exact: false,
  testId: 'nav-analytics',
};
const STAFF: NavigationLink = {
  path: '/firm/staff',
  labelKey: 'nav.staff',
  exact: false,
  testId: 'nav-staff',
};
const AUDIT: NavigationLink = {
  path: '/firm/audit',
  labelKey: 'nav.audit',
  exact: false,
  testId: 'nav-audit',
};
const DASHBOARD: NavigationLink = {
  path: '/tableau-de-bord',
  labelKey: 'nav.dashboard',
  exact: false,
  testId: 'nav-dashboard',
};
const DOSSIERS: NavigationLink = {
  path: '/dossiers',
  labelKey: 'nav.dossiers',
  exact: false,
  testId: 'nav-dossiers',
};
const CAMPAIGNS: NavigationLink = {
  path: '/campagnes',
  labelKey: 'nav.campaigns',
  exact: false,
  testId: 'nav-campaigns',
};
const USERS: NavigationLink = {
  path: '/employer/users',
  labelKey: 'nav.users',
  exact: false,
  testId: 'nav-users',
};
const OUTBOX: NavigationLink = {
  path: '/firm/reminders',
  labelKey: 'reminders.nav.outbox',
  exact: false,
  testId: 'nav-outbox',
};
const REMINDER_SETTINGS: NavigationLink = {
  path: '/employer/reminders',
  labelKey: 'reminders.nav.outbox',
  exact: false,
  testId: 'nav-reminder-settings',
};
const STATUS: NavigationLink = {
  path: '/status',
  labelKey: 'nav.status',
  exact: false,
  testId: 'nav-status',
};

/**
 * Product name, the pages of the reader's role (a menu button on phones), who is signed in with
 * "Mon compte" and "Déconnexion" (or "Connexion"), and the language switch.
 */
@Component({
  selector: 'moi-app-header',
  imports: [
    LanguageSwitchComponent,
    MatIconButton,
    NotificationBellComponent,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
  ],
  templateUrl: './app-header.component.html',
  styleUrl: './app-header.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppHeaderComponent {
  protected readonly session = inject(SessionStore);
  protected readonly signOutService = inject(SignOutService);

  /**
   * The pages of the reader's role. The status page stays open to everyone: in the navigation
   * when signed out, in the footer otherwise.
   */
  protected readonly links = computed<readonly NavigationLink[]>(() => {
    if (!this.session.signedIn()) {
      return [HOME, STATUS];
    }
    const links: NavigationLink[] = [];
    if (this.session.can('firm.console')) {
      links.push(OVERVIEW, DEADLINES, ANALYTICS);
    }
    if (this.session.can('firm.read')) {
      links.push(EMPLOYERS, STAFF);
    }
    if (this.session.can('firm.reminders.outbox')) {
      links.push(OUTBOX);
    }
    if (this.session.can('firm.admin')) {
      links.push(AUDIT);
    }
    if (!this.session.isFirm() && this.session.user()?.employerId) {
      links.push(DASHBOARD, DOSSIERS, CAMPAIGNS);
      if (this.session.can('employer.users.manage')) {
        links.push(USERS);
      }
      if (this.session.can('employer.reminders.settings')) {
        links.push(REMINDER_SETTINGS);
      }
    }
    return links;
  });

  protected readonly menuOpen = signal(false);

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
  }

  protected signOut(): void {
    this.closeMenu();
    this.signOutService.signOut();
  }
}
