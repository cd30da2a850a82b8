import { Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { UserRole } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { HomePageComponent } from './home-page.component';

@Component({ template: '<p>ailleurs</p>' })
class ElsewhereComponent {}

describe('HomePageComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: '', component: HomePageComponent },
        { path: 'sign-in', component: ElsewhereComponent },
        { path: 'status', component: ElsewhereComponent },
        { path: 'tableau-de-bord', component: ElsewhereComponent },
        { path: 'firm/overview', component: ElsewhereComponent },
      ]),
    });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('tells a visitor what Moisson does, in the present, and how to sign in; it sends no request', async () => {
    givenSession(null);
    const harness = await RouterTestingHarness.create('/');
    const page = harness.routeNativeElement as HTMLElement;

    expect(textOf(page.querySelector('h1'))).toBe('Bienvenue sur Moisson');
    expect(textOf(page.querySelector('h2'))).toBe(
      'Ce que vous faites avec Moisson',
    );
    expect(page.querySelectorAll('.points li')).toHaveLength(4);
    expect(textOf(page)).not.toMatch(/construction|permettra/);
    const signIn = page.querySelector('[data-testid="home-sign-in-link"]');
    expect(textOf(signIn)).toBe('Se connecter');
    expect(signIn?.getAttribute('href')).toBe('/sign-in');
    expect(
      page
        .querySelector('[data-testid="home-status-link"]')
        ?.getAttribute('href'),
    ).toBe('/status');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it.each<[UserRole, string]>([
    ['employer_owner', '/tableau-de-bord'],
    ['employer_member', '/tableau-de-bord'],
    ['firm_staff', '/firm/overview'],
    ['firm_admin', '/firm/overview'],
  ])('sends a signed-in %s on to %s', async (role, home) => {
    givenSession(sessionOf(role));
    const harness = await RouterTestingHarness.create('/');
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(home);
  });

  it('keeps someone at the two-factor step on the page (not signed in yet)', async () => {
    givenSession(sessionOf('firm_staff', 'totp_required'));
    const harness = await RouterTestingHarness.create('/');
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
