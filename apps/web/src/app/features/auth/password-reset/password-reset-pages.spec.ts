import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../../testing/provide-test-app';
import { apiError, status } from '../../../../testing/session-fixtures';
import { appRoutes } from '../../../app.routes';
import {
  PASSWORD_RESET_CONFIRM_URL,
  PASSWORD_RESET_URL,
} from '../../../core/auth/auth.service';

describe('password reset pages', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp(appRoutes) });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    givenSession(null);
  });

  afterEach(() => http.verify());

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    page().querySelector(`[data-testid="${testId}"]`);
  const settle = () => harness.fixture.whenStable();

  it('/password-reset always gives the same answer, whether or not the account exists', async () => {
    await harness.navigateByUrl('/password-reset');
    typeInto(byTestId('password-reset-email'), 'inconnu@example.fr');
    byTestId('password-reset-submit')?.click();
    await settle();
    const request = http.expectOne({ method: 'POST', url: PASSWORD_RESET_URL });
    expect(request.request.body).toEqual({ email: 'inconnu@example.fr' });
    request.flush(null, { status: 202, statusText: 'Accepted' });
    await settle();

    expect(textOf(byTestId('password-reset-sent'))).toContain(
      'Si un compte existe pour cette adresse, un e-mail a été envoyé.',
    );
  });

  it('/password-reset/confirm sets the new password from the link token', async () => {
    await harness.navigateByUrl('/password-reset/confirm?token=tok-9');
    typeInto(byTestId('new-password'), 'un nouveau mot de passe');
    typeInto(byTestId('new-password-confirmation'), 'un nouveau mot de passe');
    byTestId('password-reset-confirm-submit')?.click();
    await settle();
    const request = http.expectOne({
      method: 'POST',
      url: PASSWORD_RESET_CONFIRM_URL,
    });
    expect(request.request.body).toEqual({
      token: 'tok-9',
      newPassword: 'un nouveau mot de passe',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(textOf(byTestId('password-reset-done'))).toBe(
      'Votre mot de passe a été changé. Vous pouvez maintenant vous connecter.',
    );
  });

  it("/password-reset/confirm shows the API's message for an expired link, with a way to ask again", async () => {
    await harness.navigateByUrl('/password-reset/confirm?token=old');
    typeInto(byTestId('new-password'), 'un nouveau mot de passe');
    typeInto(byTestId('new-password-confirmation'), 'un nouveau mot de passe');
    byTestId('password-reset-confirm-submit')?.click();
    await settle();
    http
      .expectOne(PASSWORD_RESET_CONFIRM_URL)
      .flush(
        apiError(404, 'NOT_FOUND', 'Ce lien a expiré ou a déjà servi.'),
        status(404),
      );
    await settle();

    expect(textOf(byTestId('form-error'))).toBe(
      'Ce lien a expiré ou a déjà servi.',
    );
    expect(page().querySelector('a[href="/password-reset"]')).not.toBeNull();
  });

  it('/password-reset/confirm without a token says the link is incomplete', async () => {
    await harness.navigateByUrl('/password-reset/confirm');

    expect(textOf(page())).toContain('Ce lien est incomplet.');
    expect(byTestId('password-reset-confirm-submit')).toBeNull();
  });
});
