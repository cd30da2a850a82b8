import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { Component } from '@angular/core';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { DossierNewPageComponent } from './dossier-new-page.component';

@Component({ template: 'dossier page' })
class DossierStubComponent {}

const EMPLOYER_URL = '/api/employers/e-1';

describe('DossierNewPageComponent (/dossiers/new)', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'dossiers/new', component: DossierNewPageComponent },
        { path: 'dossiers/:dossierId', component: DossierStubComponent },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    givenSession(sessionOf('employer_owner'));
    await harness.navigateByUrl('/dossiers/new');
    http.expectOne(`${EMPLOYER_URL}/campaigns`).flush([]);
    await settle();
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }
  const errorOf = (testId: string): string =>
    textOf(
      byTestId(testId)?.closest('mat-form-field')?.querySelector('mat-error'),
    );
  const option = (text: string): HTMLElement | undefined =>
    [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (candidate) => textOf(candidate) === text,
    );

  async function fillWorker(passportExpiry = '15/01/2031'): Promise<void> {
    typeInto(byTestId('worker-surname'), 'El Amrani');
    typeInto(byTestId('worker-given-names'), 'Youssef');
    typeInto(byTestId('worker-birth-date'), '12/03/1992');
    byTestId('worker-nationality')?.click();
    await settle();
    option('Maroc')?.click();
    typeInto(byTestId('worker-passport-number'), 'ab 123 4567');
    typeInto(byTestId('worker-passport-expiry'), passportExpiry);
    await settle();
  }

  function fillDossier(start = '25/08/2027', end = '20/10/2027'): void {
    typeInto(byTestId('dossier-job-title'), 'Ouvrier viticole');
    typeInto(byTestId('dossier-planned-start'), start);
    typeInto(byTestId('dossier-planned-end'), end);
  }

  it('lists Morocco, Tunisia, Senegal and Ivory Coast first among nationalities', async () => {
    byTestId('worker-nationality')?.click();
    await settle();
    const options = [...document.querySelectorAll('mat-option')]
      .map(textOf)
      .slice(0, 4);
    expect(options).toEqual(['Maroc', 'Tunisie', 'Sénégal', 'Côte d’Ivoire']);
  });

  it('refuses an end before the start and an expired passport, without calling the API', async () => {
    await fillWorker('01/01/2020');
    fillDossier('25/08/2027', '20/08/2027');
    await settle();
    byTestId('new-hire-submit')?.click();
    await settle();

    expect(errorOf('worker-passport-expiry')).toBe(
      "Le passeport doit être valide : date d'expiration postérieure à aujourd'hui.",
    );
    expect(textOf(byTestId('date-range-error'))).toBe(
      'La fin prévue doit être le même jour ou après le début prévu.',
    );
    http.expectNone(`${EMPLOYER_URL}/workers`);
  });

  it('creates the worker, then the dossier, and opens it; a refusal lands on its field', async () => {
    await fillWorker();
    fillDossier();
    await settle();
    byTestId('new-hire-submit')?.click();
    await settle();

    const worker = http.expectOne({
      method: 'POST',
      url: `${EMPLOYER_URL}/workers`,
    });
    expect(worker.request.body).toEqual({
      surname: 'El Amrani',
      givenNames: 'Youssef',
      birthDate: '1992-03-12',
      nationality: 'MA',
      passportNumber: 'AB1234567',
      passportExpiry: '2031-01-15',
      phone: null,
      email: null,
      preferredLanguage: 'fr',
    });
    worker.flush({ id: 'w-1' });
    const dossier = http.expectOne({
      method: 'POST',
      url: `${EMPLOYER_URL}/dossiers`,
    });
    expect(dossier.request.body).toEqual({
      workerId: 'w-1',
      campaignId: null,
      jobTitle: 'Ouvrier viticole',
      contractType: 'seasonal',
      shortageOccupation: true,
      plannedStart: '2027-08-25',
      plannedEnd: '2027-10-20',
    });
    dossier.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        details: [
          {
            field: 'plannedEnd',
            message: 'A seasonal contract lasts at most 6 months.',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(errorOf('dossier-planned-end')).toBe(
      'A seasonal contract lasts at most 6 months.',
    );

    // Corrected and sent again: the worker already exists, only the dossier is created.
    typeInto(byTestId('dossier-planned-end'), '19/10/2027');
    await settle();
    byTestId('new-hire-submit')?.click();
    await settle();
    http
      .expectOne({ method: 'POST', url: `${EMPLOYER_URL}/dossiers` })
      .flush({ id: 'd-1' });
    await settle();
    expect(textOf(element())).toBe('dossier page');
  });
});
