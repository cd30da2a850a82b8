import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { UserRole } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { LOGOUT_URL } from '../../core/auth/auth.service';
import { AppHeaderComponent } from './app-header.component';

@Component({ template: '' })
class BlankPage {}

describe('AppHeaderComponent: navigation per role', () => {
  let fixture: ComponentFixture<AppHeaderComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: provideTestApp([{ path: '**', component: BlankPage }]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(AppHeaderComponent);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const inlineLinks = (): string[] =>
    [...element().querySelectorAll('.nav-inline a')].map(textOf);
  const accountArea = (): string[] =>
    [
      ...element().querySelectorAll(
        '.account-inline a, .account-inline button',
      ),
    ].map((node) => node.getAttribute('data-testid') ?? '');
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);

  it('offers the public pages and "Connexion" to a visitor who is not signed in', async () => {
    givenSession(null);
    await render();

    expect(inlineLinks()).toEqual(['Accueil', 'État du système']);
    expect(accountArea()).toEqual(['nav-sign-in']);
    expect(byTestId('nav-sign-in')?.getAttribute('href')).toBe('/sign-in');
    expect(byTestId('nav-user-name')).toBeNull();
  });

  it('shows nothing about the account until the session is known', async () => {
    await render();

    expect(inlineLinks()).toEqual(['Accueil', 'État du système']);
    expect(accountArea()).toEqual([]);
  });

  it.each<[UserRole, string[]]>([
    [
      'firm_admin',
      [
        "Vue d'ensemble",
        'Échéances',
        'Analyses',
        'Employeurs',
        'Équipe',
        'Rappels',
        "Journal d'audit",
      ],
    ],
    [
      'firm_staff',
      [
        "Vue d'ensemble",
        'Échéances',
        'Analyses',
        'Employeurs',
        'Équipe',
        'Rappels',
      ],
    ],
    [
      'employer_owner',
      ['Tableau de bord', 'Dossiers', 'Campagnes', 'Utilisateurs', 'Rappels'],
    ],
    ['employer_member', ['Tableau de bord', 'Dossiers', 'Campagnes']],
  ])(
    '%s: the pages of the role, the name, "Mon compte" and "Déconnexion"',
    async (role, links) => {
      const session = givenSession(sessionOf(role));
      await render();

      expect(inlineLinks()).toEqual(links);
      expect(accountArea()).toEqual(['nav-account', 'nav-sign-out']);
      expect(textOf(byTestId('nav-user-name'))).toBe(session.user()?.fullName);
      expect(textOf(byTestId('nav-account'))).toContain('Mon compte');
      expect(byTestId('nav-account')?.getAttribute('href')).toBe('/account');
      expect(textOf(byTestId('nav-sign-out'))).toBe('Déconnexion');
      // The status page stays reachable, from the footer.
      expect(inlineLinks()).not.toContain('Accueil');
    },
  );

  it('during the sign-in steps, only offers to sign out', async () => {
    givenSession(sessionOf('firm_staff', 'totp_enrolment_required'));
    await render();

    expect(inlineLinks()).toEqual(['Accueil', 'État du système']);
    expect(accountArea()).toEqual(['nav-sign-out']);
  });

  it('signs out: tells the API, forgets the session and opens the sign-in page', async () => {
    const session = givenSession(sessionOf('employer_owner'));
    await render();

    byTestId('nav-sign-out')?.click();
    http
      .expectOne({ method: 'POST', url: LOGOUT_URL })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(session.phase()).toBe('anonymous');
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(accountArea()).toEqual(['nav-sign-in']);
  });

  it('lists the same pages, the name and the account links in the phone menu', async () => {
    givenSession(sessionOf('firm_admin'));
    await render();
    byTestId('nav-menu-toggle')?.click();
    await fixture.whenStable();

    const menu = element().querySelector('#moi-nav-menu');
    expect(
      [...(menu?.querySelectorAll('a, button') ?? [])].map(textOf),
    ).toEqual([
      "Vue d'ensemble",
      'Échéances',
      'Analyses',
      'Employeurs',
      'Équipe',
      'Rappels',
      "Journal d'audit",
      'Mon compte',
      'Déconnexion',
    ]);
    expect(textOf(menu?.querySelector('.menu-user'))).toBe(
      'Connecté : Claire Martin',
    );
  });
});
