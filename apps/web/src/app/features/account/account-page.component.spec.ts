import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { SessionResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { SessionStore } from '../../core/auth/session.store';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/app-language';
import {
  ACCOUNT_PASSWORD_URL,
  ACCOUNT_URL,
  RECOVERY_CODES_URL,
  TOTP_DISABLE_URL,
} from './account.service';
import { AccountPageComponent } from './account-page.component';

describe('AccountPageComponent (/account)', () => {
  let fixture: ComponentFixture<AccountPageComponent>;
  let http: HttpTestingController;
  let session: SessionStore;

  async function render(response: SessionResponse): Promise<void> {
    session = givenSession(response);
    fixture = TestBed.createComponent(AccountPageComponent);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    document
      .querySelectorAll('.cdk-overlay-container')
      .forEach((overlay) => (overlay.innerHTML = ''));
    http.verify();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const chooseOption = async (trigger: string, label: string) => {
    byTestId(trigger)?.click();
    await fixture.whenStable();
    [
      ...document.querySelectorAll<HTMLElement>(
        '.cdk-overlay-container mat-option',
      ),
    ]
      .find((option) => textOf(option) === label)
      ?.click();
    await fixture.whenStable();
  };

  it('shows who is signed in: e-mail, role, organisation', async () => {
    await render(sessionOf('employer_owner'));

    expect(textOf(byTestId('account-email'))).toBe('marie@vergers-du-lot.fr');
    expect(textOf(byTestId('account-role'))).toBe('Responsable');
    expect(textOf(byTestId('account-organisation'))).toBe(
      'EARL Les Vergers du Lot',
    );
    expect((byTestId('account-full-name') as HTMLInputElement).value).toBe(
      'Marie Dupont',
    );
  });

  it('saves the language to the account and switches the interface to it', async () => {
    await render(sessionOf('employer_owner'));
    await chooseOption('account-locale', 'English');
    byTestId('account-profile-submit')?.click();
    await fixture.whenStable();

    const request = http.expectOne({ method: 'PATCH', url: ACCOUNT_URL });
    expect(request.request.body).toEqual({
      fullName: 'Marie Dupont',
      locale: 'en',
    });
    request.flush({ ...sessionOf('employer_owner').user, locale: 'en' });
    await fixture.whenStable();

    expect(session.user()?.locale).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(textOf(element().querySelector('h1'))).toBe('My account');
    expect(textOf(element())).toContain('Changes saved.');
  });

  it('changes the password, says other sessions were closed, and empties the fields', async () => {
    await render(sessionOf('employer_owner'));
    typeInto(byTestId('current-password'), 'ancien mot de passe');
    typeInto(byTestId('new-password'), 'un nouveau mot de passe');
    typeInto(byTestId('new-password-confirmation'), 'un nouveau mot de passe');
    byTestId('change-password-submit')?.click();
    await fixture.whenStable();

    const request = http.expectOne({
      method: 'POST',
      url: ACCOUNT_PASSWORD_URL,
    });
    expect(request.request.body).toEqual({
      currentPassword: 'ancien mot de passe',
      newPassword: 'un nouveau mot de passe',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(textOf(element())).toContain(
      'Mot de passe changé. Vos autres sessions ont été fermées.',
    );
    expect((byTestId('current-password') as HTMLInputElement).value).toBe('');
    expect(element().querySelectorAll('mat-error')).toHaveLength(0);
  });

  it('keeps the user on the page when the current password is wrong, and says so', async () => {
    await render(sessionOf('employer_owner'));
    typeInto(byTestId('current-password'), 'faux');
    typeInto(byTestId('new-password'), 'un nouveau mot de passe');
    typeInto(byTestId('new-password-confirmation'), 'un nouveau mot de passe');
    byTestId('change-password-submit')?.click();
    await fixture.whenStable();
    http
      .expectOne(ACCOUNT_PASSWORD_URL)
      .flush(
        apiError(
          401,
          'UNAUTHENTICATED',
          'Le mot de passe actuel est incorrect.',
        ),
        status(401),
      );
    await fixture.whenStable();

    expect(textOf(byTestId('change-password-error'))).toBe(
      'Le mot de passe actuel est incorrect.',
    );
    expect(session.signedIn()).toBe(true);
  });

  it('offers to turn two-factor on when it is off', async () => {
    await render(
      sessionOf('employer_owner', 'signed_in', { totpEnabled: false }),
    );

    expect(textOf(byTestId('two-factor-state'))).toContain('Désactivée');
    expect(byTestId('two-factor-enable')?.getAttribute('href')).toBe(
      '/account/two-factor',
    );
    expect(byTestId('two-factor-disable')).toBeNull();
  });

  it('lets an employer user turn two-factor off with their password', async () => {
    await render(
      sessionOf('employer_owner', 'signed_in', { totpEnabled: true }),
    );
    expect(textOf(byTestId('two-factor-state'))).toContain('Activée');

    byTestId('two-factor-disable')?.click();
    await fixture.whenStable();
    typeInto(byTestId('two-factor-disable-password'), 'mon mot de passe');
    byTestId('two-factor-disable-submit')?.click();
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: TOTP_DISABLE_URL });
    expect(request.request.body).toEqual({ password: 'mon mot de passe' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(session.user()?.totpEnabled).toBe(false);
    expect(textOf(byTestId('two-factor-state'))).toContain('Désactivée');
  });

  it('gives firm staff no way to turn two-factor off', async () => {
    await render(sessionOf('firm_staff'));

    expect(textOf(byTestId('two-factor-state'))).toContain('Activée');
    expect(byTestId('two-factor-regenerate')).not.toBeNull();
    expect(byTestId('two-factor-disable')).toBeNull();
  });

  it('generates new recovery codes after a confirmation, and shows them', async () => {
    await render(sessionOf('firm_admin'));
    byTestId('two-factor-regenerate')?.click();
    await fixture.whenStable();

    const dialog = document.querySelector('mat-dialog-container');
    expect(textOf(dialog)).toContain(
      'Vos codes de secours actuels cesseront de fonctionner.',
    );
    (
      dialog?.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: RECOVERY_CODES_URL })
      .flush({ recoveryCodes: ['AAAA-1111', 'BBBB-2222'] });
    await fixture.whenStable();

    expect(
      [...element().querySelectorAll('[data-testid="recovery-codes"] li')].map(
        textOf,
      ),
    ).toEqual(['AAAA-1111', 'BBBB-2222']);
  });

  it('sends nothing when the regeneration is cancelled', async () => {
    await render(sessionOf('firm_admin'));
    byTestId('two-factor-regenerate')?.click();
    await fixture.whenStable();
    (
      document.querySelector(
        '[data-testid="confirm-cancel"]',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();

    http.expectNone(RECOVERY_CODES_URL);
  });
});
