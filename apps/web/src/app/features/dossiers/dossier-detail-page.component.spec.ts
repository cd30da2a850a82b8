import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { DossierDetail } from '@moisson/contract';
import { crrvDeadline, dossierItem } from '../../../testing/dossier-fixtures';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { DossierDetailPageComponent } from './dossier-detail-page.component';

const DOSSIER_URL = '/api/employers/e-1/dossiers/d-1';

function detail(overrides: Partial<DossierDetail> = {}): DossierDetail {
  const item = dossierItem('d-1', {
    state: 'AT_GRANTED',
    stage: 'work_permit',
  });
  return {
    ...item,
    worker: {
      id: 'w-1',
      employerId: 'e-1',
      surname: 'Bennani',
      givenNames: 'Abdelkader',
      birthDate: '1990-05-30',
      nationality: 'MA',
      passportNumber: 'AD3391128',
      passportExpiry: '2027-01-15',
      phone: null,
      email: null,
      preferredLanguage: 'fr',
      createdAt: '2026-09-01T09:00:00Z',
      updatedAt: '2026-09-01T09:00:00Z',
    },
    timeline: [
      {
        id: 'ev-1',
        at: '2026-09-01T09:00:00Z',
        kind: 'transition',
        fromState: 'AT_SUBMITTED',
        toState: 'AT_GRANTED',
        actor: { id: 'u-owner', name: 'Marie Dupont' },
        data: { permitNumber: 'AT-47-0013', grantDate: '2026-09-01' },
      },
    ],
    deadlines: [],
    nextStep: null,
    allowedNextStates: ['AWAITING_OFII', 'WITHDRAWN'],
    warnings: [
      {
        code: 'PASSPORT_EXPIRES_TOO_SOON',
        message: {
          fr: 'Le passeport expire moins de 3 mois après la fin du séjour.',
          en: 'The passport expires less than 3 months after the stay.',
        },
      },
    ],
    deadlineNotice: {
      fr: 'calculée - à vérifier par le cabinet',
      en: 'computed - to be checked by the firm',
    },
    ...overrides,
  };
}

describe('DossierDetailPageComponent (/dossiers/:dossierId)', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'dossiers/:dossierId', component: DossierDetailPageComponent },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    givenSession(sessionOf('employer_owner'));
  });

  afterEach(() => {
    // The documents card reads its own data (its tests are in features/documents).
    http.match((request) => request.url.includes('/documents'));
    // So does the notes card (features/firm-console/notes).
    http.match((request) => request.url.endsWith('/notes'));
    // So does the reminders card (its tests are in features/reminders).
    http.match((request) => request.url.endsWith('/reminders'));
    // So does the worker's other seasons (its own test below).
    http.match((request) => request.params.has('workerId'));
    http.verify();
  });

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const settle = async (): Promise<void> => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  const errorOf = (testId: string): string =>
    textOf(
      byTestId(testId)?.closest('mat-form-field')?.querySelector('mat-error'),
    );

  const option = (text: string): HTMLElement | undefined =>
    [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (candidate) => textOf(candidate) === text,
    );

  async function open(dossier: DossierDetail): Promise<void> {
    await harness.navigateByUrl('/dossiers/d-1');
    http.expectOne(DOSSIER_URL).flush(dossier);
    await settle();
  }

  it('shows the worker, the state, the warnings, the timeline in French and the allowed next steps', async () => {
    await open(detail());

    expect(textOf(byTestId('dossier-title'))).toBe('Bennani Abdelkader');
    expect(textOf(byTestId('dossier-state'))).toBe(
      'Autorisation de travail accordée',
    );
    expect(textOf(byTestId('passport-number'))).toBe('AD3391128');
    expect(textOf(byTestId('dossier-warning'))).toContain(
      'Le passeport expire',
    );
    const event = textOf(byTestId('timeline-event'));
    expect(event).toContain('Autorisation de travail accordée');
    expect(event).toContain('Marie Dupont');
    const facts = [
      ...(byTestId('timeline-event')?.querySelectorAll('dt, dd') ?? []),
    ].map(textOf);
    expect(facts).toEqual([
      "Numéro de l'autorisation de travail",
      'AT-47-0013',
      'Date de délivrance',
      '01/09/2026',
    ]);
    expect(byTestId('step-AWAITING_OFII')).not.toBeNull();
    expect(byTestId('step-WITHDRAWN')).not.toBeNull();
  });

  it('corrects the worker (a renewed passport): PATCH of the worker, the dossier read again, its warning gone', async () => {
    await open(detail());
    byTestId('worker-edit')?.click();
    await settle();

    const input = (testId: string) => byTestId(testId) as HTMLInputElement;
    expect(input('worker-surname').value).toBe('Bennani');
    expect(input('worker-birth-date').value).toBe('30/05/1990');
    expect(input('worker-passport-number').value).toBe('AD3391128');
    expect(input('worker-passport-expiry').value).toBe('15/01/2027');

    typeInto(byTestId('worker-passport-number'), 'ae 1234567');
    typeInto(byTestId('worker-passport-expiry'), '15/01/2036');
    await settle();
    byTestId('worker-edit-save')?.click();
    await settle();

    const patch = http.expectOne({
      method: 'PATCH',
      url: '/api/employers/e-1/workers/w-1',
    });
    expect(patch.request.body).toEqual({
      surname: 'Bennani',
      givenNames: 'Abdelkader',
      birthDate: '1990-05-30',
      nationality: 'MA',
      passportNumber: 'AE1234567',
      passportExpiry: '2036-01-15',
      phone: null,
      email: null,
      preferredLanguage: 'fr',
    });
    const renewed = {
      ...detail().worker,
      passportNumber: 'AE1234567',
      passportExpiry: '2036-01-15',
    };
    patch.flush(renewed);
    await settle();
    http
      .expectOne({ method: 'GET', url: DOSSIER_URL })
      .flush(detail({ worker: renewed, warnings: [] }));
    await settle();

    expect(byTestId('worker-edit-form')).toBeNull();
    expect(textOf(byTestId('passport-number'))).toBe('AE1234567');
    expect(byTestId('dossier-warning')).toBeNull();
  });

  it("lists the worker's other seasons, each opening its dossier", async () => {
    await open(detail());
    const seasons = http.expectOne(
      (request) =>
        request.url === '/api/employers/e-1/dossiers' &&
        request.params.get('workerId') === 'w-1',
    );
    seasons.flush({
      items: [
        dossierItem('d-0', {
          season: 2026,
          state: 'RETURNED',
          stage: 'return',
        }),
        dossierItem('d-1', { season: 2027 }),
      ],
      nextCursor: null,
    });
    await settle();

    const rows = element().querySelectorAll('[data-testid="worker-season"]');
    expect(rows).toHaveLength(1);
    expect(textOf(rows[0])).toContain('2026');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe(
      '/dossiers/d-0',
    );
  });

  it('checks the worker form as typed (an expired passport sends nothing) and shows the API refusal on its field', async () => {
    await open(detail());
    byTestId('worker-edit')?.click();
    await settle();

    typeInto(byTestId('worker-passport-expiry'), '01/01/2020');
    await settle();
    byTestId('worker-edit-save')?.click();
    await settle();
    http.expectNone({ method: 'PATCH' });
    expect(errorOf('worker-passport-expiry')).not.toBe('');

    typeInto(byTestId('worker-passport-expiry'), '15/01/2036');
    await settle();
    byTestId('worker-edit-save')?.click();
    await settle();
    http
      .expectOne({ method: 'PATCH', url: '/api/employers/e-1/workers/w-1' })
      .flush(
        {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'Another worker has this passport number.',
          // In the language the portal asked for (Accept-Language: fr).
          details: [
            {
              field: 'passportNumber',
              message: 'Un autre travailleur a déjà ce numéro de passeport.',
            },
          ],
        },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(errorOf('worker-passport-number')).toBe(
      'Un autre travailleur a déjà ce numéro de passeport.',
    );
    expect(byTestId('worker-edit-form')).not.toBeNull();
  });

  it('draws the AWAITING_OFII form from the domain requirements, checks it, and shows a 422 on its field', async () => {
    await open(detail());
    byTestId('step-AWAITING_OFII')?.click();
    await settle();

    const form = byTestId('transition-form-AWAITING_OFII');
    expect(
      [...(form?.querySelectorAll('[data-testid^="field-"]') ?? [])].map(
        (field) => field.getAttribute('data-testid'),
      ),
    ).toEqual(['field-transmissionDate', 'field-ofiiOffice', 'field-note']);
    expect(textOf(form)).toContain("Date de transmission à l'OFII");
    expect(textOf(form)).toContain('Bureau OFII');

    byTestId('transition-submit')?.click();
    await settle();
    expect(errorOf('field-transmissionDate')).toBe('Ce champ est obligatoire.');
    expect(errorOf('field-ofiiOffice')).toBe('Ce champ est obligatoire.');

    typeInto(byTestId('field-transmissionDate'), '31/02/2026');
    await settle();
    expect(errorOf('field-transmissionDate')).toBe(
      'Date attendue au format jj/mm/aaaa.',
    );
    typeInto(byTestId('field-transmissionDate'), '01/01/2099');
    await settle();
    expect(errorOf('field-transmissionDate')).toBe(
      "Cette date ne peut pas être postérieure à aujourd'hui.",
    );

    typeInto(byTestId('field-transmissionDate'), '20/10/2026');
    byTestId('field-ofiiOffice')?.click();
    await settle();
    option('OFII Casablanca (Maroc)')?.click();
    await settle();
    byTestId('transition-submit')?.click();
    await settle();

    const post = http.expectOne({
      method: 'POST',
      url: `${DOSSIER_URL}/transitions`,
    });
    expect(post.request.body).toEqual({
      to: 'AWAITING_OFII',
      data: { transmissionDate: '2026-10-20', ofiiOffice: 'casablanca' },
    });
    post.flush(
      {
        statusCode: 422,
        code: 'UNPROCESSABLE',
        message: 'The dossier cannot move',
        details: [
          {
            field: 'data.transmissionDate',
            rule: 'DATE_ORDER',
            message: 'The transmission date is before the grant date.',
            messageFr:
              'La date de transmission est antérieure à la date de délivrance.',
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();

    expect(errorOf('field-transmissionDate')).toBe(
      'La date de transmission est antérieure à la date de délivrance.',
    );
  });

  it('shows the new state after the step, and labels each computed deadline "à vérifier par le cabinet"', async () => {
    await open(detail());
    byTestId('step-AWAITING_OFII')?.click();
    await settle();
    typeInto(byTestId('field-transmissionDate'), '20/10/2026');
    byTestId('field-ofiiOffice')?.click();
    await settle();
    option('OFII Tunis (Tunisie)')?.click();
    await settle();
    byTestId('transition-submit')?.click();
    await settle();

    http.expectOne({ method: 'POST', url: `${DOSSIER_URL}/transitions` }).flush(
      detail({
        state: 'VISA_REFUSED',
        stage: 'visa',
        allowedNextStates: ['CRRV_FILED'],
        deadlines: [crrvDeadline(12)],
      }),
    );
    await settle();

    expect(textOf(byTestId('dossier-state'))).toBe(
      'Visa refusé (décision écrite)',
    );
    expect(textOf(byTestId('step-done'))).toContain('Étape enregistrée');
    const deadline = byTestId('deadline');
    expect(textOf(deadline)).toContain('J-12');
    expect(textOf(deadline)).toContain('Recours devant la CRRV');
    expect(textOf(deadline)).toContain('Échéance le 14/12/2026');
    expect(
      textOf(deadline?.querySelector('[data-testid="deadline-notice"]')),
    ).toBe('calculée - à vérifier par le cabinet');
  });

  it('asks for at least one ground on a written visa refusal', async () => {
    await open(
      detail({
        state: 'VISA_FILED',
        stage: 'visa',
        allowedNextStates: ['VISA_REFUSED'],
      }),
    );
    byTestId('step-VISA_REFUSED')?.click();
    await settle();
    typeInto(byTestId('field-notificationDate'), '14/11/2026');
    byTestId('transition-submit')?.click();
    await settle();

    expect(textOf(byTestId('field-grounds'))).toContain(
      'Cochez au moins un motif.',
    );
    const first = byTestId('field-grounds')?.querySelector('input');
    first?.click();
    await settle();
    byTestId('transition-submit')?.click();
    await settle();
    const post = http.expectOne({
      method: 'POST',
      url: `${DOSSIER_URL}/transitions`,
    });
    expect(post.request.body).toEqual({
      to: 'VISA_REFUSED',
      data: {
        notificationDate: '2026-11-14',
        grounds: ['false_travel_document'],
      },
    });
    post.flush(detail({ state: 'VISA_REFUSED', stage: 'visa' }));
    await settle();
  });
});
