import { Location } from '@angular/common';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { HealthResponse, UserRole } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { appRoutes } from '../../app.routes';
import { TOTP_SETUP_URL } from '../../features/account/account.service';
import { HEALTH_URL } from '../../features/system-status/system-status.service';
import { SESSION_URL } from './auth.service';
import { afterSignInUrl, roleHome, safeReturnUrl } from './auth-navigation';

const health: HealthResponse = {
  status: 'ok',
  version: '1.0.0',
  checkedAt: '2026-03-29T01:30:00Z',
  checks: {
    api: { status: 'ok', latencyMs: 0 },
    database: { status: 'ok', latencyMs: 1 },
    redis: { status: 'ok', latencyMs: 1 },
  },
};

describe('route guards', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp(appRoutes) });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const url = (): string => TestBed.inject(Router).url;
  const heading = (): string =>
    textOf(
      (harness.routeNativeElement as HTMLElement | null)?.querySelector('h1'),
    );
  /** Answers the requests a page makes as it opens, so that only the guard's behaviour is tested. */
  const answerPageRequests = (): void => {
    for (const request of http.match(() => true)) {
      const url = request.request.url;
      request.flush(
        url === HEALTH_URL
          ? health
          : url === TOTP_SETUP_URL
            ? { secret: 'JBSWY3DP', otpauthUrl: 'otpauth://x', qrDataUrl: '' }
            : url === '/api/employers' || url === '/api/audit-events'
              ? { items: [], nextCursor: null }
              : [],
      );
    }
  };

  async function visit(path: string): Promise<void> {
    await harness.navigateByUrl(path);
    await harness.fixture.whenStable();
    answerPageRequests();
    await harness.fixture.whenStable();
  }

  describe('authGuard', () => {
    it('asks the API for the session first, then sends a signed-out visitor to the sign-in page with returnUrl', async () => {
      const navigation = harness.navigateByUrl('/account');
      await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve));
      http
        .expectOne({ method: 'GET', url: SESSION_URL })
        .flush(apiError(401, 'UNAUTHENTICATED', 'Non connecté.'), status(401));
      await navigation;
      await harness.fixture.whenStable();

      expect(url()).toBe('/sign-in?returnUrl=%2Faccount');
      expect(heading()).toBe('Connexion');
    });

    it('opens the page when the session the API returns is signed in', async () => {
      const navigation = harness.navigateByUrl('/account');
      await new Promise((resolve) => setTimeout(resolve));
      http.expectOne(SESSION_URL).flush(sessionOf('employer_member'));
      await navigation;
      await harness.fixture.whenStable();

      expect(url()).toBe('/account');
      expect(heading()).toBe('Mon compte');
    });

    it('sends a session waiting for its TOTP code to the sign-in page (TOTP step)', async () => {
      givenSession(sessionOf('firm_admin', 'totp_required'));
      await visit('/account');

      expect(url()).toBe('/sign-in?returnUrl=%2Faccount');
      expect(heading()).toBe('Vérification en deux étapes');
    });

    it('sends firm staff who must enrol to the two-factor enrolment, and nowhere else', async () => {
      givenSession(sessionOf('firm_staff', 'totp_enrolment_required'));
      await visit('/firm/employers');

      expect(url()).toBe('/account/two-factor?returnUrl=%2Ffirm%2Femployers');
      expect(heading()).toBe('Double authentification');
    });
  });

  describe('roleGuard', () => {
    it.each<[UserRole, string, boolean]>([
      ['firm_admin', '/firm/employers', true],
      ['firm_admin', '/firm/audit', true],
      ['firm_admin', '/firm/employers/new', true],
      ['firm_staff', '/firm/employers', true],
      ['firm_staff', '/firm/staff', true],
      ['firm_staff', '/firm/audit', false],
      ['firm_staff', '/firm/employers/new', false],
      ['employer_owner', '/employer/users', true],
      ['employer_owner', '/firm/employers', false],
      ['employer_owner', '/firm/audit', false],
      ['employer_member', '/employer/users', false],
      ['employer_member', '/firm/staff', false],
    ])('%s opening %s: %s', async (role, path, allowed) => {
      givenSession(sessionOf(role));
      await visit(path);

      // Refused pages say "not found" at the same address, as the API answers 404.
      expect(TestBed.inject(Location).path()).toBe(path);
      if (allowed) {
        expect(heading()).not.toBe('Introuvable');
      } else {
        expect(heading()).toBe('Introuvable');
      }
    });

    it('sends a signed-out visitor to the sign-in page rather than "not found"', async () => {
      givenSession(null);
      await visit('/firm/audit');

      expect(url()).toBe('/sign-in?returnUrl=%2Ffirm%2Faudit');
    });
  });

  it('keeps the status page open to everyone', async () => {
    givenSession(null);
    await visit('/status');

    expect(url()).toBe('/status');
    expect(heading()).toBe('État du système');
  });
});

describe('where sign-in leads', () => {
  it('follows a returnUrl only when it is a path of this site', () => {
    expect(safeReturnUrl('/firm/employers/e-1?tab=users')).toBe(
      '/firm/employers/e-1?tab=users',
    );
    expect(safeReturnUrl('https://evil.example/')).toBeNull();
    expect(safeReturnUrl('//evil.example/')).toBeNull();
    expect(safeReturnUrl('/\\evil.example/')).toBeNull();
    expect(safeReturnUrl('/sign-in?returnUrl=/x')).toBeNull();
    expect(safeReturnUrl(undefined)).toBeNull();
  });

  it("otherwise goes to the role's home: firm -> employers overview, employer -> dashboard", () => {
    expect(roleHome({ role: 'firm_admin' })).toBe('/firm/overview');
    expect(roleHome({ role: 'firm_staff' })).toBe('/firm/overview');
    expect(roleHome({ role: 'employer_owner' })).toBe('/tableau-de-bord');
    expect(roleHome({ role: 'employer_member' })).toBe('/tableau-de-bord');
    expect(afterSignInUrl({ role: 'firm_staff' }, '//evil.example')).toBe(
      '/firm/overview',
    );
  });
});
