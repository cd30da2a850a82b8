import {
  HttpTestingController,
  TestRequest,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { EmployerResponse, Page } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search';
import { EmployerListPageComponent } from './employer-list-page.component';
import { EMPLOYERS_URL } from './employers.service';

function employer(id: string, legalName: string): EmployerResponse {
  return {
    id,
    legalName,
    siret: '73282932000074',
    addressLine: '1 route de Nérac',
    postalCode: '47000',
    city: 'Agen',
    departement: '47',
    sector: 'arboriculture',
    ofiiOffice: null,
    consulate: null,
    assignedStaff: { id: 'u-staff', fullName: 'Julien Leroy' },
    userCount: 2,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
  };
}

describe('EmployerListPageComponent (/firm/employers)', () => {
  let fixture: ComponentFixture<EmployerListPageComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const names = (): string[] =>
    [...element().querySelectorAll('[data-testid="employer-row"] a')].map(
      textOf,
    );
  const listRequest = (): TestRequest =>
    http.expectOne((request) => request.url === EMPLOYERS_URL);

  async function render(role: 'firm_admin' | 'firm_staff' = 'firm_admin') {
    givenSession(sessionOf(role));
    fixture = TestBed.createComponent(EmployerListPageComponent);
    await fixture.whenStable();
  }

  it('lists the employers with SIRET, town, sector, assigned staff and user count', async () => {
    await render();
    const request = listRequest();
    expect(request.request.params.keys()).toEqual([]);
    request.flush({
      items: [employer('e-1', 'EARL Les Vergers du Lot')],
      nextCursor: null,
    } satisfies Page<EmployerResponse>);
    await fixture.whenStable();

    const cells = [
      ...element().querySelectorAll('[data-testid="employer-row"] td'),
    ].map(textOf);
    expect(cells).toEqual([
      'EARL Les Vergers du Lot',
      '732 829 320 00074',
      'Agen (47)',
      'Arboriculture',
      'Julien Leroy',
      '2',
    ]);
    expect(
      element()
        .querySelector('[data-testid="employer-row"] a')
        ?.getAttribute('href'),
    ).toBe('/firm/employers/e-1');
    expect(byTestId('employer-new')?.getAttribute('href')).toBe(
      '/firm/employers/new',
    );
    expect(byTestId('employer-load-more')).toBeNull();
  });

  it('loads the next page with the cursor and appends it', async () => {
    await render();
    listRequest().flush({
      items: [employer('e-1', 'A')],
      nextCursor: 'c-2',
    });
    await fixture.whenStable();

    byTestId('employer-load-more')?.click();
    await fixture.whenStable();
    const next = listRequest();
    expect(next.request.params.get('cursor')).toBe('c-2');
    next.flush({ items: [employer('e-2', 'B')], nextCursor: null });
    await fixture.whenStable();

    expect(names()).toEqual(['A', 'B']);
    expect(byTestId('employer-load-more')).toBeNull();
  });

  it('searches once typing pauses, and says when nothing matches', async () => {
    await render();
    listRequest().flush({ items: [employer('e-1', 'A')], nextCursor: null });
    await fixture.whenStable();
    jest.useFakeTimers();

    const input = byTestId('employer-search') as HTMLInputElement;
    for (const value of ['v', 've', 'ver']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await jest.advanceTimersByTimeAsync(100);
    }
    http.expectNone((request) => request.url === EMPLOYERS_URL);
    await jest.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);

    const search = listRequest();
    expect(search.request.params.get('search')).toBe('ver');
    expect(search.request.params.has('cursor')).toBe(false);
    search.flush({ items: [], nextCursor: null });
    await jest.advanceTimersByTimeAsync(20);

    expect(textOf(byTestId('employer-list-empty'))).toBe(
      'Aucun employeur ne correspond à « ver ».',
    );
  });

  it('offers no "Nouvel employeur" to firm staff', async () => {
    await render('firm_staff');
    listRequest().flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    expect(byTestId('employer-new')).toBeNull();
    expect(textOf(byTestId('employer-list-empty'))).toBe(
      "Aucun employeur pour l'instant.",
    );
  });
});
