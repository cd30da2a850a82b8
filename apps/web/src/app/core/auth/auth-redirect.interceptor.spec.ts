import { HttpClient, HttpContext } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  givenSession,
  provideTestApp,
} from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { ApiRequestError } from '../http/api-request-error';
import { LOGIN_URL, SESSION_URL } from './auth.service';
import { SessionStore } from './session.store';
import { SKIP_AUTH_REDIRECT } from './skip-auth-redirect';

@Component({ template: '' })
class BlankPage {}

describe('authRedirectInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'firm/employers/:id', component: BlankPage },
        { path: 'sign-in', component: BlankPage },
        { path: 'account/two-factor', component: BlankPage },
      ]),
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/firm/employers/e-7');
  });

  afterEach(() => http.verify());

  async function failure(
    call: Promise<unknown>,
    answer: () => void,
  ): Promise<unknown> {
    const result = call.then(
      () => new Error('expected a failure'),
      (error: unknown) => error,
    );
    answer();
    const error = await result;
    await new Promise((resolve) => setTimeout(resolve));
    return error;
  }

  it('on a 401, forgets the session and opens the sign-in page with the current page as returnUrl', async () => {
    const session = givenSession(sessionOf('firm_admin'));
    const error = await failure(
      firstValueFrom(client.get('/api/employers/e-7/users')),
      () =>
        http
          .expectOne('/api/employers/e-7/users')
          .flush(
            apiError(401, 'UNAUTHENTICATED', 'Session expirée.'),
            status(401),
          ),
    );

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(session.phase()).toBe('anonymous');
    expect(router.url).toBe('/sign-in?returnUrl=%2Ffirm%2Femployers%2Fe-7');
  });

  it('leaves a 401 of the sign-in itself (wrong password) to the page', async () => {
    givenSession(null);
    await failure(
      firstValueFrom(
        client.post(LOGIN_URL, { email: 'a@b.fr', password: 'x' }),
      ),
      () =>
        http
          .expectOne(LOGIN_URL)
          .flush(apiError(401, 'UNAUTHENTICATED', 'Incorrect.'), status(401)),
    );

    expect(router.url).toBe('/firm/employers/e-7');
  });

  it('leaves a request marked SKIP_AUTH_REDIRECT to its caller', async () => {
    const session = givenSession(sessionOf('employer_owner'));
    await failure(
      firstValueFrom(
        client.post('/api/account/password', null, {
          context: new HttpContext().set(SKIP_AUTH_REDIRECT, true),
        }),
      ),
      () =>
        http
          .expectOne('/api/account/password')
          .flush(
            apiError(401, 'UNAUTHENTICATED', 'Mot de passe actuel incorrect.'),
            status(401),
          ),
    );

    expect(router.url).toBe('/firm/employers/e-7');
    expect(session.signedIn()).toBe(true);
  });

  it('on 403 TOTP_REQUIRED, reads the session again and opens the step it is at', async () => {
    givenSession(sessionOf('firm_staff'));
    await failure(firstValueFrom(client.get('/api/staff')), () =>
      http
        .expectOne('/api/staff')
        .flush(
          apiError(403, 'TOTP_REQUIRED', 'Double authentification requise.'),
          status(403),
        ),
    );
    http
      .expectOne(SESSION_URL)
      .flush(sessionOf('firm_staff', 'totp_enrolment_required'));
    await new Promise((resolve) => setTimeout(resolve));

    expect(TestBed.inject(SessionStore).phase()).toBe(
      'totp_enrolment_required',
    );
    expect(router.url).toBe(
      '/account/two-factor?returnUrl=%2Ffirm%2Femployers%2Fe-7',
    );
  });

  it('does nothing on other refusals (403 FORBIDDEN, 404)', async () => {
    givenSession(sessionOf('firm_staff'));
    await failure(firstValueFrom(client.get('/api/audit-events')), () =>
      http
        .expectOne('/api/audit-events')
        .flush(apiError(403, 'FORBIDDEN', 'Réservé.'), status(403)),
    );

    expect(router.url).toBe('/firm/employers/e-7');
  });
});

describe('XSRF protection', () => {
  let client: HttpClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    document.cookie = 'XSRF-TOKEN=token-from-the-api; path=/';
  });

  afterEach(() => {
    document.cookie =
      'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    http.verify();
  });

  it('echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on POST, PATCH and DELETE to the API', () => {
    client.post('/api/auth/logout', null).subscribe();
    client.patch('/api/account', { locale: 'en' }).subscribe();
    client.delete('/api/things/1').subscribe();

    for (const url of ['/api/auth/logout', '/api/account', '/api/things/1']) {
      expect(http.expectOne(url).request.headers.get('X-XSRF-TOKEN')).toBe(
        'token-from-the-api',
      );
    }
  });

  it('does not send it on GET, nor to another origin', () => {
    client.get('/api/auth/session').subscribe();
    client.post('https://elsewhere.example/api', null).subscribe();

    expect(
      http.expectOne('/api/auth/session').request.headers.has('X-XSRF-TOKEN'),
    ).toBe(false);
    expect(
      http
        .expectOne('https://elsewhere.example/api')
        .request.headers.has('X-XSRF-TOKEN'),
    ).toBe(false);
  });
});
