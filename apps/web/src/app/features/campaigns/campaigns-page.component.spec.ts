import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CampaignResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { CampaignsPageComponent } from './campaigns-page.component';

const CAMPAIGNS_URL = '/api/employers/e-1/campaigns';

function campaign(
  id: string,
  name: string,
  season: number,
  dossierCount = 0,
): CampaignResponse {
  return {
    id,
    employerId: 'e-1',
    name,
    season,
    notes: null,
    dossierCount,
    createdAt: '2026-09-01T09:00:00Z',
    updatedAt: '2026-09-01T09:00:00Z',
  };
}

describe('CampaignsPageComponent (/campagnes)', () => {
  let fixture: ComponentFixture<CampaignsPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    givenSession(sessionOf('employer_owner'));
    fixture = TestBed.createComponent(CampaignsPageComponent);
    await fixture.whenStable();
    http
      .expectOne(CAMPAIGNS_URL)
      .flush([
        campaign('c-1', 'Taille 2026', 2026, 8),
        campaign('c-2', 'Vendanges 2027', 2027, 9),
      ]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const names = (): string[] =>
    [...element().querySelectorAll('[data-testid="campaign-row"] a')].map(
      textOf,
    );

  it('lists the campaigns newest season first with their dossier counts, each linking to its dossiers', () => {
    expect(names()).toEqual(['Vendanges 2027', 'Taille 2026']);
    const first = byTestId('campaign-row');
    expect(textOf(first)).toContain('9');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe(
      '/dossiers?campaignId=c-2',
    );
  });

  it('creates a campaign, and shows the name refused by the API on its field', async () => {
    byTestId('campaign-new')?.click();
    await fixture.whenStable();
    typeInto(byTestId('campaign-name'), 'Vendanges 2027');
    typeInto(byTestId('campaign-season'), '2027');
    byTestId('campaign-save')?.click();
    await fixture.whenStable();

    const create = http.expectOne({ method: 'POST', url: CAMPAIGNS_URL });
    expect(create.request.body).toEqual({
      name: 'Vendanges 2027',
      season: 2027,
      notes: null,
    });
    create.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        details: [
          { field: 'name', message: 'A campaign already has this name.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(
      textOf(
        byTestId('campaign-name')
          ?.closest('mat-form-field')
          ?.querySelector('mat-error'),
      ),
    ).toBe('A campaign already has this name.');

    typeInto(byTestId('campaign-name'), 'Récolte pommes 2027');
    byTestId('campaign-save')?.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: CAMPAIGNS_URL })
      .flush(campaign('c-3', 'Récolte pommes 2027', 2027));
    await fixture.whenStable();

    expect(names()).toEqual([
      'Récolte pommes 2027',
      'Vendanges 2027',
      'Taille 2026',
    ]);
  });
});
