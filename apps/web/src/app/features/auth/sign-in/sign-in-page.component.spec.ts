import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  apiError,
  sessionOf,
  status,
} from '../../../../testing/session-fixtures';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../../testing/provide-test-app';
import { appRoutes } from '../../../app.routes';
import { LOGIN_TOTP_URL, LOGIN_URL } from '../../../core/auth/auth.service';
import { SessionStore } from '../../../core/auth/session.store';
import { TOTP_SETUP_URL } from '../../account/account.service';

describe('SignInPageComponent (/sign-in)', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp(appRoutes) });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    http.verify();
  });

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    page().querySelector(`[data-testid="${testId}"]`);
  const url = (): string => TestBed.inject(Router).url;
  const settle = () => harness.fixture.whenStable();

  async function open(path = '/sign-in'): Promise<void> {
    givenSession(null);
    await harness.navigateByUrl(path);
    await settle();
  }

  async function submitPassword(
    email = 'marie@vergers-du-lot.fr',
    password = 'un mot de passe solide',
  ): Promise<void> {
    typeInto(byTestId('sign-in-email'), email);
    typeInto(byTestId('sign-in-password'), password);
    byTestId('sign-in-submit')?.click();
    await settle();
  }

  it('signs an employer user in and takes them to their dashboard', async () => {
    await open();
    expect(textOf(page().querySelector('h1'))).toBe('Connexion');
    expect(byTestId('forgot-password')?.getAttribute('href')).toBe(
      '/password-reset',
    );

    await submitPassword();
    const login = http.expectOne({ method: 'POST', url: LOGIN_URL });
    expect(login.request.body).toEqual({
      email: 'marie@vergers-du-lot.fr',
      password: 'un mot de passe solide',
    });
    expect((byTestId('sign-in-submit') as HTMLButtonElement).disabled).toBe(
      true,
    );

    login.flush(sessionOf('employer_owner'));
    await settle();
    await settle();

    expect(url()).toBe('/tableau-de-bord');
    discardDashboardRequests();
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
    expect(textOf(page().querySelector('h1'))).toBe('Tableau de bord');
  });

  it('asks for the 6-digit code when the account has two-factor, then opens the page asked for', async () => {
    await open('/sign-in?returnUrl=%2Faccount');
    await submitPassword('claire.martin@cabinet.fr');
    http.expectOne(LOGIN_URL).flush(sessionOf('firm_admin', 'totp_required'));
    await settle();

    expect(url()).toBe('/sign-in?returnUrl=%2Faccount');
    expect(textOf(page().querySelector('h1'))).toBe(
      'Vérification en deux étapes',
    );
    expect(byTestId('sign-in-form')).toBeNull();
    expect(document.activeElement).toBe(byTestId('totp-code'));

    typeInto(byTestId('totp-code'), '123 456');
    byTestId('totp-submit')?.click();
    await settle();
    const verify = http.expectOne({ method: 'POST', url: LOGIN_TOTP_URL });
    expect(verify.request.body).toEqual({ code: '123456' });
    verify.flush(sessionOf('firm_admin'));
    await settle();
    await settle();

    expect(url()).toBe('/account');
  });

  it('goes to the home of a firm role when no page was asked for', async () => {
    await open();
    await submitPassword('claire.martin@cabinet.fr');
    http.expectOne(LOGIN_URL).flush(sessionOf('firm_admin', 'totp_required'));
    await settle();
    typeInto(byTestId('totp-code'), '123456');
    byTestId('totp-submit')?.click();
    await settle();
    http.expectOne(LOGIN_TOTP_URL).flush(sessionOf('firm_admin'));
    await settle();
    await settle();

    expect(url()).toBe('/firm/overview');
    http
      .expectOne((request) => request.url === '/api/firm/employers')
      .flush({
        items: [],
        nextCursor: null,
        total: 0,
        today: '2026-03-29',
      });
  });

  it('accepts a recovery code instead of the app code', async () => {
    await open();
    await submitPassword();
    http
      .expectOne(LOGIN_URL)
      .flush(sessionOf('employer_owner', 'totp_required'));
    await settle();

    byTestId('totp-use-recovery')?.click();
    await settle();
    expect(textOf(page().querySelector('mat-label'))).toBe('Code de secours');
    expect(textOf(byTestId('totp-use-recovery'))).toBe(
      "Utiliser le code de l'application",
    );
    typeInto(byTestId('totp-code'), ' k7p2-9qx4 ');
    byTestId('totp-submit')?.click();
    await settle();

    expect(http.expectOne(LOGIN_TOTP_URL).request.body).toEqual({
      code: 'k7p2-9qx4',
    });
  });

  it('says why a code was refused and lets the person try again', async () => {
    await open();
    await submitPassword();
    http
      .expectOne(LOGIN_URL)
      .flush(sessionOf('employer_owner', 'totp_required'));
    await settle();

    typeInto(byTestId('totp-code'), '000000');
    byTestId('totp-submit')?.click();
    await settle();
    http
      .expectOne(LOGIN_TOTP_URL)
      .flush(
        apiError(401, 'UNAUTHENTICATED', 'Code incorrect ou expiré.'),
        status(401),
      );
    await settle();

    expect(textOf(byTestId('totp-error'))).toBe('Code incorrect ou expiré.');
    expect((byTestId('totp-code') as HTMLInputElement).value).toBe('');
    expect((byTestId('totp-submit') as HTMLButtonElement).disabled).toBe(false);
    expect(url()).toBe('/sign-in');
  });

  it('shows the API message for a wrong password, next to the form, without leaving the page', async () => {
    await open();
    await submitPassword();
    http
      .expectOne(LOGIN_URL)
      .flush(
        apiError(
          401,
          'UNAUTHENTICATED',
          'Adresse e-mail ou mot de passe incorrect.',
        ),
        status(401),
      );
    await settle();

    expect(textOf(byTestId('sign-in-error'))).toBe(
      'Adresse e-mail ou mot de passe incorrect.',
    );
    expect(byTestId('sign-in-error')?.closest('[role="alert"]')).not.toBeNull();
    expect(url()).toBe('/sign-in');
    expect(TestBed.inject(SessionStore).phase()).toBe('anonymous');
  });

  it('after too many attempts, says at what time (Paris) to try again, from Retry-After', async () => {
    // 13:27 UTC on 29 March 2026 is 15:27 in Paris (summer time since that night).
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-29T13:27:00Z'));
    await open();
    await submitPassword();
    http
      .expectOne(LOGIN_URL)
      .flush(apiError(429, 'TOO_MANY_REQUESTS', 'Too many attempts.'), {
        status: 429,
        statusText: 'Too Many Requests',
        headers: { 'Retry-After': '900' },
      });
    await settle();

    expect(textOf(byTestId('sign-in-error'))).toBe(
      'Trop de tentatives. Réessayez à 15:42.',
    );
  });

  it('gives the date too when the wait ends on another day', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-29T21:50:00Z'));
    await open();
    await submitPassword();
    http
      .expectOne(LOGIN_URL)
      .flush(apiError(429, 'TOO_MANY_REQUESTS', 'Too many attempts.'), {
        status: 429,
        statusText: 'Too Many Requests',
        headers: { 'Retry-After': '3600' },
      });
    await settle();

    expect(textOf(byTestId('sign-in-error'))).toBe(
      'Trop de tentatives. Réessayez le 30/03/2026 à 00:50.',
    );
  });

  it('checks the fields before sending anything', async () => {
    await open();
    byTestId('sign-in-submit')?.click();
    await settle();

    const errors = [...page().querySelectorAll('mat-error')].map(textOf);
    expect(errors).toEqual([
      'Saisissez votre adresse e-mail.',
      'Saisissez le mot de passe.',
    ]);
    typeInto(byTestId('sign-in-email'), 'marie@');
    await settle();
    expect(textOf(page().querySelector('mat-error'))).toBe(
      "Cette adresse e-mail n'est pas valide.",
    );
    http.expectNone(LOGIN_URL);
  });

  it('sends firm staff without two-factor to the enrolment first', async () => {
    await open('/sign-in?returnUrl=%2Ffirm%2Fstaff');
    await submitPassword('julien.leroy@cabinet.fr');
    http.expectOne(LOGIN_URL).flush(
      sessionOf('firm_staff', 'totp_enrolment_required', {
        totpEnabled: false,
      }),
    );
    await settle();
    await settle();

    expect(url()).toBe('/account/two-factor?returnUrl=%2Ffirm%2Fstaff');
    http.expectOne({ method: 'POST', url: TOTP_SETUP_URL });
  });

  it('sends a user who is already signed in on to their home', async () => {
    givenSession(sessionOf('employer_owner'));
    await harness.navigateByUrl('/sign-in');
    await settle();

    expect(url()).toBe('/tableau-de-bord');
    discardDashboardRequests();
  });
});

/** The employer's home (the dashboard) asks the API for its tiles: not what these tests look at. */
function discardDashboardRequests(): void {
  TestBed.inject(HttpTestingController).match(
    (request) =>
      request.url.includes('/dossiers') || request.url.includes('/campaigns'),
  );
}
