import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { InvitationPreview } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../../testing/provide-test-app';
import {
  apiError,
  sessionOf,
  status,
} from '../../../../testing/session-fixtures';
import { appRoutes } from '../../../app.routes';
import { invitationUrl } from '../../../core/auth/auth.service';
import { TOTP_SETUP_URL } from '../../account/account.service';

const TOKEN = 'tok-123';
const invitation: InvitationPreview = {
  email: 'marie@vergers-du-lot.fr',
  role: 'employer_owner',
  organisationName: 'EARL Les Vergers du Lot',
  expiresAt: '2026-04-05T21:30:00Z',
};

describe('InvitationPageComponent (/invitations/:token)', () => {
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
  const url = (): string => TestBed.inject(Router).url;

  async function open(answer: (token: string) => void): Promise<void> {
    await harness.navigateByUrl(`/invitations/${TOKEN}`);
    answer(TOKEN);
    await settle();
  }
  const openValid = () =>
    open(() => http.expectOne(invitationUrl(TOKEN)).flush(invitation));

  async function fill(
    fullName: string,
    password: string,
    confirmation = password,
  ): Promise<void> {
    typeInto(byTestId('invitation-full-name'), fullName);
    typeInto(byTestId('invitation-password'), password);
    typeInto(byTestId('invitation-password-confirmation'), confirmation);
    byTestId('invitation-submit')?.click();
    await settle();
  }

  it('says who invites to what: organisation, role, e-mail and until when', async () => {
    await openValid();

    expect(textOf(byTestId('invitation-summary'))).toBe(
      'EARL Les Vergers du Lot vous invite à rejoindre Moisson en tant que « Responsable ».',
    );
    expect(textOf(byTestId('invitation-organisation'))).toBe(
      'EARL Les Vergers du Lot',
    );
    expect(textOf(byTestId('invitation-role'))).toBe('Responsable');
    expect(textOf(byTestId('invitation-email'))).toBe(
      'marie@vergers-du-lot.fr',
    );
    // 21:30 UTC on 5 April is 23:30 in Paris.
    expect(textOf(page())).toContain("Valable jusqu'au 05/04/2026 à 23:30");
    expect(textOf(page())).toContain('Au moins 12 caractères.');
  });

  it('says plainly when the invitation is expired, used or unknown, and shows no form', async () => {
    await open(() =>
      http
        .expectOne(invitationUrl(TOKEN))
        .flush(
          apiError(
            404,
            'NOT_FOUND',
            'Cette invitation a expiré. Demandez-en une nouvelle.',
          ),
          status(404),
        ),
    );

    expect(textOf(page().querySelector('h1'))).toBe('Invitation indisponible');
    expect(textOf(byTestId('invitation-gone'))).toBe(
      'Cette invitation a expiré. Demandez-en une nouvelle.',
    );
    expect(byTestId('invitation-form')).toBeNull();
  });

  it('checks the name, the length of the password and its confirmation before sending', async () => {
    await openValid();
    await fill('', 'court', 'autre');

    expect([...page().querySelectorAll('mat-error')].map(textOf)).toEqual([
      'Saisissez votre nom.',
      'Au moins 12 caractères (5 saisis).',
      'Les deux mots de passe ne sont pas identiques.',
    ]);
    http.expectNone(`${invitationUrl(TOKEN)}/accept`);
  });

  it("shows the API's refusal of a common password under the password field", async () => {
    await openValid();
    await fill('Marie Dupont', 'azertyuiop123');
    http.expectOne(`${invitationUrl(TOKEN)}/accept`).flush(
      apiError(400, 'VALIDATION_FAILED', 'Mot de passe refusé.', {
        details: [
          {
            field: 'password',
            message:
              'Ce mot de passe est trop courant : choisissez-en un autre.',
          },
        ],
      }),
      status(400),
    );
    await settle();

    const passwordField = byTestId('invitation-password')?.closest(
      'mat-form-field',
    );
    expect(textOf(passwordField?.querySelector('mat-error'))).toBe(
      'Ce mot de passe est trop courant : choisissez-en un autre.',
    );
    expect(url()).toBe(`/invitations/${TOKEN}`);
  });

  it("shows the API's message next to the form when it concerns no field", async () => {
    await openValid();
    await fill('Marie Dupont', 'azertyuiop123');
    http
      .expectOne(`${invitationUrl(TOKEN)}/accept`)
      .flush(
        apiError(
          400,
          'BAD_REQUEST',
          'Ce mot de passe figure dans une liste de mots de passe divulgués.',
        ),
        status(400),
      );
    await settle();

    expect(textOf(byTestId('invitation-error'))).toBe(
      'Ce mot de passe figure dans une liste de mots de passe divulgués.',
    );
  });

  it('switches to "unavailable" when the invitation was used meanwhile', async () => {
    await openValid();
    await fill('Marie Dupont', 'un mot de passe solide');
    http
      .expectOne(`${invitationUrl(TOKEN)}/accept`)
      .flush(
        apiError(404, 'NOT_FOUND', 'Cette invitation a déjà été utilisée.'),
        status(404),
      );
    await settle();

    expect(textOf(byTestId('invitation-gone'))).toBe(
      'Cette invitation a déjà été utilisée.',
    );
  });

  it('creates the account in the current language and lands signed in, with a welcome', async () => {
    await openValid();
    await fill('  Marie Dupont ', 'un mot de passe solide');
    const accept = http.expectOne({
      method: 'POST',
      url: `${invitationUrl(TOKEN)}/accept`,
    });
    expect(accept.request.body).toEqual({
      fullName: 'Marie Dupont',
      password: 'un mot de passe solide',
      locale: 'fr',
    });
    expect((byTestId('invitation-submit') as HTMLButtonElement).disabled).toBe(
      true,
    );
    accept.flush(sessionOf('employer_owner'));
    await settle();
    await settle();

    expect(url()).toBe('/account');
    expect(
      textOf(page().querySelector('[data-testid="account-welcome"]')),
    ).toContain('Bienvenue, Marie Dupont !');
  });

  it('takes new firm staff on to the two-factor enrolment', async () => {
    await open(() =>
      http.expectOne(invitationUrl(TOKEN)).flush({
        ...invitation,
        role: 'firm_staff',
        organisationName: 'Cabinet Martin',
      }),
    );
    await fill('Julien Leroy', 'un mot de passe solide');
    http
      .expectOne(`${invitationUrl(TOKEN)}/accept`)
      .flush(sessionOf('firm_staff', 'totp_enrolment_required'));
    await settle();
    await settle();

    expect(url()).toBe('/account/two-factor');
    http.expectOne(TOTP_SETUP_URL);
  });
});
