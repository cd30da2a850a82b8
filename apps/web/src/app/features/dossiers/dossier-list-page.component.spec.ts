import {
  HttpTestingController,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { DossierListItem, Page } from '@moisson/contract';
import { crrvDeadline, dossierItem } from '../../../testing/dossier-fixtures';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search';
import { DossierListPageComponent } from './dossier-list-page.component';

const LIST_URL = '/api/employers/e-1/dossiers';
const CAMPAIGNS_URL = '/api/employers/e-1/campaigns';

describe('DossierListPageComponent (/dossiers)', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: provideTestApp([
        { path: 'dossiers', component: DossierListPageComponent },
        {
          path: 'firm/employers/:id/dossiers',
          component: DossierListPageComponent,
        },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const listRequest = (url = LIST_URL): TestRequest =>
    http.expectOne((request) => request.url === url);
  const settle = async (): Promise<void> => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };

  async function open(url: string, employerUrl = CAMPAIGNS_URL) {
    await harness.navigateByUrl(url);
    http.expectOne(employerUrl).flush([]);
  }

  it("asks the API with the filters of the address and shows each dossier's stage, masked passport and legal countdown", async () => {
    givenSession(sessionOf('employer_owner'));
    await open('/dossiers?stage=visa&overdue=true&deadlineWithinDays=30');

    const request = listRequest();
    expect(request.request.params.toString()).toBe(
      'stage=visa&overdue=true&deadlineWithinDays=30&sort=plannedStart',
    );
    request.flush({
      items: [
        dossierItem('d-1', {
          state: 'VISA_REFUSED',
          stage: 'visa',
          legalDeadline: crrvDeadline(12),
        }),
      ],
      nextCursor: null,
    } satisfies Page<DossierListItem>);
    await settle();

    const row = byTestId('dossier-row');
    expect(textOf(row)).toContain('Bennani Abdelkader');
    expect(textOf(row)).toContain('••••••128');
    expect(textOf(row)).toContain('Visa refusé (décision écrite)');
    expect(textOf(row?.querySelector('[data-stage="visa"]'))).toBe('Visa');
    expect(textOf(byTestId('deadline-countdown'))).toBe('J-12');
    expect(textOf(row)).toContain('14/12/2026');
    expect(byTestId('dossier-export')?.getAttribute('href')).toBe(
      `${LIST_URL}/export.csv?stage=visa&overdue=true&deadlineWithinDays=30&sort=plannedStart`,
    );
  });

  it('searches by name or passport as the person types, then loads more with the cursor', async () => {
    givenSession(sessionOf('employer_member'));
    await open('/dossiers');
    listRequest().flush({
      items: [dossierItem('d-1')],
      nextCursor: 'next-1',
    } satisfies Page<DossierListItem>);
    await settle();

    typeInto(byTestId('dossier-search'), ' AB12 ');
    await new Promise((resolve) =>
      setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50),
    );
    const search = listRequest();
    expect(search.request.params.get('q')).toBe('AB12');
    search.flush({
      items: [dossierItem('d-2')],
      nextCursor: 'next-2',
    } satisfies Page<DossierListItem>);
    await settle();

    byTestId('dossier-load-more')?.click();
    const more = listRequest();
    expect(more.request.params.get('cursor')).toBe('next-2');
    expect(more.request.params.get('q')).toBe('AB12');
    more.flush({
      items: [dossierItem('d-3')],
      nextCursor: null,
    } satisfies Page<DossierListItem>);
    await settle();

    expect(
      element().querySelectorAll('[data-testid="dossier-row"]'),
    ).toHaveLength(2);
    expect(byTestId('dossier-load-more')).toBeNull();
  });

  it("shows an employer's dossiers to firm staff under the firm's address", async () => {
    givenSession(sessionOf('firm_staff'));
    await open('/firm/employers/e-7/dossiers', '/api/employers/e-7/campaigns');
    listRequest('/api/employers/e-7/dossiers').flush({
      items: [dossierItem('d-9')],
      nextCursor: null,
    } satisfies Page<DossierListItem>);
    await settle();

    expect(
      byTestId('dossier-row')?.querySelector('a')?.getAttribute('href'),
    ).toBe('/firm/employers/e-7/dossiers/d-9');
  });

  it('applies one step to several dossiers in the same state, and shows why the API refused it', async () => {
    givenSession(sessionOf('employer_owner'));
    await open('/dossiers');
    listRequest().flush({
      items: [dossierItem('d-1'), dossierItem('d-2')],
      nextCursor: null,
    } satisfies Page<DossierListItem>);
    await settle();

    const boxes = element().querySelectorAll<HTMLInputElement>(
      '[data-testid="dossier-select"] input',
    );
    boxes[0].click();
    boxes[1].click();
    await settle();
    expect(textOf(byTestId('group-transition'))).toContain(
      '2 dossier(s) sélectionné(s)',
    );
    byTestId('group-to-OFII_CONVOKED')?.click();
    await settle();
    typeInto(byTestId('field-convocationDate'), '01/10/2026');
    typeInto(byTestId('field-appointmentDate'), '03/10/2026');
    typeInto(byTestId('field-appointmentPlace'), 'OFII Casablanca');
    await settle();
    byTestId('transition-submit')?.click();
    await settle();

    const group = http.expectOne({
      method: 'POST',
      url: `${LIST_URL}/transitions`,
    });
    expect(group.request.body).toEqual({
      to: 'OFII_CONVOKED',
      dossierIds: ['d-1', 'd-2'],
      data: {
        convocationDate: '2026-10-01',
        appointmentDate: '2026-10-03',
        appointmentPlace: 'OFII Casablanca',
      },
    });
    group.flush(
      {
        statusCode: 422,
        code: 'UNPROCESSABLE',
        message: '1 of the 2 dossiers cannot move',
        details: [
          {
            field: 'to',
            rule: 'TRANSITION_NOT_ALLOWED',
            message: 'Bennani Abdelkader: not allowed',
            messageFr: 'Bennani Abdelkader : transition interdite',
            dossierId: 'd-2',
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();

    expect(textOf(byTestId('transition-error'))).toBe(
      'Bennani Abdelkader : transition interdite',
    );
  });
});
