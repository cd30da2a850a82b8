import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { RelanceView } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { status } from '../../../testing/session-fixtures';
import { RelancePageComponent } from './relance-page.component';

const URL = '/api/relance/tok.en-1';
const relance: RelanceView = {
  employer: { legalName: 'EARL Les Vergers du Lot' },
  ofiiOffice: { code: 'casablanca', label: 'OFII Casablanca' },
  preparedOn: '2026-03-28',
  workers: [
    {
      dossierId: 'd-2',
      workerName: 'EL AMRANI Youssef',
      passportNumberMasked: '•••••4567',
      permitNumber: 'AT-047-2026-00012',
      transmittedOn: '2026-02-12',
      daysWaited: 44,
    },
    {
      dossierId: 'd-3',
      workerName: 'BENALI Fatima Zahra',
      passportNumberMasked: '•••••8812',
      permitNumber: null,
      transmittedOn: null,
      daysWaited: null,
    },
  ],
  subject: 'Relance - demande de convocation de 2 travailleurs saisonniers',
  body: 'Objet : Relance - demande de convocation\n\nMadame, Monsieur,',
  confirmedAt: null,
  expiresAt: '2026-04-27T22:00:00Z',
};

describe('RelancePageComponent (/relance/:token, public)', () => {
  let fixture: ComponentFixture<RelancePageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    givenSession(null);
    fixture = TestBed.createComponent(RelancePageComponent);
    fixture.componentRef.setInput('token', 'tok.en-1');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);

  it('shows what confirming records: office, employer, workers (passport masked) and the message', async () => {
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('GET');
    request.flush(relance);
    await fixture.whenStable();
    expect(textOf(byTestId('relance-intro'))).toBe(
      'Après avoir envoyé ce message au bureau OFII Casablanca, confirmez-le ici : Moisson notera « relance envoyée » sur le dossier de chacun des travailleurs listés ci-dessous (2).',
    );
    expect(
      [...element().querySelectorAll('[data-testid="relance-worker"]')].map(
        textOf,
      ),
    ).toEqual([
      "EL AMRANI Youssef Passeport •••••4567 · Autorisation de travail AT-047-2026-00012 · transmis le 12/02/2026 (44 jours d'attente)",
      'BENALI Fatima Zahra Passeport •••••8812',
    ]);
    expect(textOf(byTestId('relance-message'))).toContain('Madame, Monsieur,');
    expect(textOf(element())).toContain(
      "Lien valable jusqu'au 28/04/2026 00:00.",
    );
    // Nothing is recorded by opening the page.
    http.expectNone((r) => r.method === 'POST');
  });

  it('records the relance once the person confirms, then says so', async () => {
    http.expectOne(URL).flush(relance);
    await fixture.whenStable();
    byTestId('relance-confirm')?.click();
    await fixture.whenStable();
    const post = http.expectOne(URL);
    expect(post.request.method).toBe('POST');
    post.flush({ ...relance, confirmedAt: '2026-03-30T14:05:00Z' });
    await fixture.whenStable();
    expect(textOf(byTestId('relance-confirmed'))).toBe(
      'Relance enregistrée le 30/03/2026 16:05 sur les dossiers des travailleurs listés (2).',
    );
    expect(byTestId('relance-confirm')).toBeNull();
  });

  it('says a relance already recorded, with no button', async () => {
    http
      .expectOne(URL)
      .flush({ ...relance, confirmedAt: '2026-03-29T08:00:00Z' });
    await fixture.whenStable();
    expect(textOf(byTestId('relance-confirmed'))).toBe(
      'Cette relance a déjà été enregistrée le 29/03/2026 10:00 sur les dossiers des travailleurs listés (2).',
    );
    expect(byTestId('relance-confirm')).toBeNull();
  });

  it('says the link is no longer valid when the API does not know it', async () => {
    http.expectOne(URL).flush(null, status(404));
    await fixture.whenStable();
    expect(textOf(byTestId('relance-invalid'))).toContain(
      "Ce lien de relance n'est plus valable.",
    );
  });
});
