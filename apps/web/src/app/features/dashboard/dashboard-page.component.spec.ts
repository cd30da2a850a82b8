import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import {
  DossierListItem,
  DossierSummaryResponse,
  Page,
} from '@moisson/contract';
import { crrvDeadline, dossierItem } from '../../../testing/dossier-fixtures';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { DashboardPageComponent } from './dashboard-page.component';

const LIST_URL = '/api/employers/e-1/dossiers';

function page(items: DossierListItem[], more = false): Page<DossierListItem> {
  return { items, nextCursor: more ? 'next' : null };
}

describe('DashboardPageComponent (/tableau-de-bord)', () => {
  let fixture: ComponentFixture<DashboardPageComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const byTestId = (testId: string): HTMLElement | null =>
    (fixture.nativeElement as HTMLElement).querySelector(
      `[data-testid="${testId}"]`,
    );

  it('shows the exact counts of the summary, fills each tile from a filtered list, each linking to that list', async () => {
    givenSession(sessionOf('employer_owner'));
    fixture = TestBed.createComponent(DashboardPageComponent);
    await fixture.whenStable();

    const summary: DossierSummaryResponse = {
      stages: {
        preparation: 0,
        work_permit: 0,
        ofii: 0,
        visa: 312,
        appeals: 0,
        arrival: 0,
        residence: 0,
        return: 0,
        ended: 7,
      },
      overdue: 1,
      convoked: 0,
    };
    http.expectOne(`${LIST_URL}/summary`).flush(summary);
    const requests = http.match((request) => request.url === LIST_URL);
    const byQuery = (query: string, limit: string) => {
      const found = requests.find(
        (request) =>
          request.request.params
            .keys()
            .filter((key) => key !== 'limit')
            .map((key) => `${key}=${request.request.params.get(key)}`)
            .join('&') === query,
      );
      if (!found) throw new Error(`no request ${query}`);
      expect(found.request.params.get('limit')).toBe(limit);
      return found;
    };
    // Tiles whose count the summary gives ask for the dossiers they show, no more.
    byQuery('overdue=true', '5').flush(
      page([
        dossierItem('o-1', {
          convocationOverdue: true,
          daysWaitingForConvocation: 45,
        }),
      ]),
    );
    byQuery('state=OFII_CONVOKED', '5').flush(page([]));
    byQuery(
      'state=VISA_REFUSED,VISA_REFUSED_VERBAL,VISA_REFUSED_IMPLICIT,CRRV_REJECTED,CRRV_REJECTED_IMPLICIT',
      '200',
    ).flush(
      page([
        dossierItem('r-1', {
          state: 'VISA_REFUSED',
          stage: 'visa',
          legalDeadline: crrvDeadline(12),
        }),
      ]),
    );
    byQuery('state=VISA_ISSUED,ARRIVED', '200').flush(page([]));
    expect(requests).toHaveLength(4);
    await fixture.whenStable();

    const visa = byTestId('stage-tile-visa');
    expect(textOf(visa)).toBe('312 Visa');
    expect(visa?.getAttribute('href')).toBe('/dossiers?stage=visa');
    expect(textOf(byTestId('stage-tile-ofii'))).toBe('0 OFII');
    const overdue = byTestId('tile-overdue');
    expect(textOf(overdue)).toContain('Convocations OFII en retard 1');
    expect(textOf(overdue)).toContain('en attente depuis 45 jours');
    expect(overdue?.querySelector('h2 a')?.getAttribute('href')).toBe(
      '/dossiers?overdue=true',
    );
    const refusals = byTestId('tile-refusals');
    expect(textOf(refusals)).toContain('J-12');
    expect(textOf(refusals)).toContain('Recours devant la CRRV');
    expect(textOf(refusals)).toContain('à vérifier par le cabinet');
    expect(textOf(byTestId('tile-convoked'))).toContain('Aucun dossier.');
  });
});
