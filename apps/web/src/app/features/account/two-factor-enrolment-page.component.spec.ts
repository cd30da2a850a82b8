import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { appRoutes } from '../../app.routes';
import { SESSION_URL } from '../../core/auth/auth.service';
import { TOTP_ENABLE_URL, TOTP_SETUP_URL } from './account.service';
import { groupSecret } from './two-factor-enrolment-page.component';

const setup = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  otpauthUrl: 'otpauth://totp/Moisson:julien?secret=JBSWY3DPEHPK3PXP',
  qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
};

describe('TwoFactorEnrolmentPageComponent (/account/two-factor)', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp(appRoutes) });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    page().querySelector(`[data-testid="${testId}"]`);
  const settle = () => harness.fixture.whenStable();

  async function openForced(): Promise<void> {
    givenSession(
      sessionOf('firm_staff', 'totp_enrolment_required', {
        totpEnabled: false,
      }),
    );
    await harness.navigateByUrl(
      '/account/two-factor?returnUrl=%2Ffirm%2Fstaff',
    );
    http.expectOne({ method: 'POST', url: TOTP_SETUP_URL }).flush(setup);
    await settle();
  }

  it('shows the QR code, the key to type by hand, and why it is required', async () => {
    await openForced();

    expect(textOf(byTestId('two-factor-required'))).toContain(
      'Le cabinet exige la double authentification',
    );
    const qr = byTestId('two-factor-qr') as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe(setup.qrDataUrl);
    expect(qr.alt).toBe(
      "Code QR à scanner avec votre application d'authentification",
    );
    expect(textOf(byTestId('two-factor-secret'))).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP',
    );
  });

  it('turns two-factor on with a code, shows the recovery codes once, then goes on', async () => {
    await openForced();
    typeInto(byTestId('two-factor-code'), '123456');
    byTestId('two-factor-submit')?.click();
    await settle();
    const enable = http.expectOne({ method: 'POST', url: TOTP_ENABLE_URL });
    expect(enable.request.body).toEqual({ code: '123456' });
    enable.flush({ recoveryCodes: ['K7P2-9QX4', 'M3ZT-8WRB'] });
    await settle();
    http
      .expectOne(SESSION_URL)
      .flush(sessionOf('firm_staff', 'signed_in', { totpEnabled: true }));
    await settle();

    expect(textOf(byTestId('two-factor-enabled'))).toBe(
      'La double authentification est activée.',
    );
    expect(
      [...page().querySelectorAll('[data-testid="recovery-codes"] li')].map(
        textOf,
      ),
    ).toEqual(['K7P2-9QX4', 'M3ZT-8WRB']);
    expect(byTestId('recovery-codes-copy')).not.toBeNull();
    expect(byTestId('recovery-codes-download')).not.toBeNull();
    expect(byTestId('recovery-codes-print')).not.toBeNull();
    expect(byTestId('two-factor-required')).toBeNull();

    byTestId('two-factor-continue')?.click();
    await settle();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/firm/staff');
    http.expectOne('/api/staff').flush([]);
  });

  it('says when the code is refused and lets the person try again', async () => {
    await openForced();
    typeInto(byTestId('two-factor-code'), '654321');
    byTestId('two-factor-submit')?.click();
    await settle();
    http
      .expectOne(TOTP_ENABLE_URL)
      .flush(
        apiError(
          400,
          'BAD_REQUEST',
          "Code incorrect : vérifiez l'heure du téléphone.",
        ),
        status(400),
      );
    await settle();

    expect(textOf(byTestId('two-factor-error'))).toBe(
      "Code incorrect : vérifiez l'heure du téléphone.",
    );
    expect(byTestId('recovery-codes')).toBeNull();
  });

  it('says so instead of starting over when two-factor is already on', async () => {
    givenSession(
      sessionOf('employer_owner', 'signed_in', { totpEnabled: true }),
    );
    await harness.navigateByUrl('/account/two-factor');
    await settle();

    expect(textOf(page())).toContain(
      'La double authentification est déjà activée sur votre compte.',
    );
    http.expectNone(TOTP_SETUP_URL);
  });

  it('groups the key by four characters', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});
