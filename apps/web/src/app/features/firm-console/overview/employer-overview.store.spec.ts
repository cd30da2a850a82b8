import {
  HttpTestingController,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EmployerOverviewPage, EmployerOverviewRow } from '@moisson/contract';
import { provideTestApp } from '../../../../testing/provide-test-app';
import {
  DEFAULT_OVERVIEW_FILTERS,
  EmployerOverviewStore,
  filtersFromParams,
  overviewQuery,
  paramsFromFilters,
} from './employer-overview.store';
import { FIRM_EMPLOYERS_URL } from './firm-overview.service';

function row(id: string, legalName: string): EmployerOverviewRow {
  return {
    employer: {
      id,
      legalName,
      siret: '44712345000127',
      city: 'Marmande',
      departement: '47',
      ofiiOffice: 'casablanca',
    },
    assignedStaff: null,
    activeDossiers: 3,
    dossiersByStage: {
      preparation: 0,
      work_permit: 0,
      ofii: 3,
      visa: 0,
      appeals: 0,
      arrival: 0,
      residence: 0,
      return: 0,
      ended: 0,
    },
    convocations: {
      awaiting: 3,
      overdue: 2,
      thresholdDays: 30,
      longestWaitDays: 72,
    },
    refusals: { withoutAppeal: 0, nearestDeadline: null },
    nextLegalDeadline: null,
    lastActivityAt: '2026-03-20T10:00:00Z',
  };
}

function page(
  items: EmployerOverviewRow[],
  nextCursor: string | null,
): EmployerOverviewPage {
  return { items, nextCursor, total: 3, today: '2026-03-29' };
}

describe('employers overview filters', () => {
  const fromAddress = (query: Record<string, string>) =>
    filtersFromParams((name) => query[name] ?? null);

  it('reads the filters of an address, and leaves what it does not know at its default', () => {
    expect(
      fromAddress({
        overdue: 'true',
        deadlineSoon: 'true',
        assignedToMe: 'false',
        departement: '2b',
        ofiiOffice: 'tunis',
        sort: 'longestWait',
        q: '  Vignobles ',
      }),
    ).toEqual({
      ...DEFAULT_OVERVIEW_FILTERS,
      overdue: true,
      deadlineSoon: true,
      departement: '2B',
      ofiiOffice: 'tunis',
      sort: 'longestWait',
      q: 'Vignobles',
    });
    expect(
      fromAddress({ departement: '99', ofiiOffice: 'paris', sort: 'random' }),
    ).toEqual(DEFAULT_OVERVIEW_FILTERS);
  });

  it('writes only the filters that narrow the list into the address, and reads them back the same', () => {
    const filters = {
      ...DEFAULT_OVERVIEW_FILTERS,
      unappealedRefusals: true,
      ofiiOffice: 'casablanca',
      sort: 'appealDeadline' as const,
    };
    const params = paramsFromFilters(filters);
    expect(params).toEqual({
      q: null,
      departement: null,
      ofiiOffice: 'casablanca',
      sort: 'appealDeadline',
      deadlineSoon: null,
      assignedToMe: null,
      overdue: null,
      unappealedRefusals: 'true',
    });
    expect(filtersFromParams((name) => params[name] ?? null)).toEqual(filters);
    expect(paramsFromFilters(DEFAULT_OVERVIEW_FILTERS)).toEqual(
      Object.fromEntries(Object.keys(params).map((key) => [key, null])),
    );
  });

  it('asks the API for "deadline within 7 days" and leaves the defaults out', () => {
    expect(overviewQuery(DEFAULT_OVERVIEW_FILTERS)).toEqual({});
    expect(
      overviewQuery(
        {
          ...DEFAULT_OVERVIEW_FILTERS,
          deadlineSoon: true,
          assignedToMe: true,
          departement: '47',
          q: ' EARL ',
          sort: 'lastActivity',
        },
        'c-2',
      ),
    ).toEqual({
      deadlineWithinDays: 7,
      assignedToMe: true,
      departement: '47',
      q: 'EARL',
      sort: 'lastActivity',
      cursor: 'c-2',
    });
  });
});

describe('EmployerOverviewStore', () => {
  let store: EmployerOverviewStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), EmployerOverviewStore],
    });
    store = TestBed.inject(EmployerOverviewStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const overviewRequest = (): TestRequest =>
    http.expectOne((request) => request.url === FIRM_EMPLOYERS_URL);

  it('loads the first page of the filters, then appends the next one', () => {
    store.apply({ ...DEFAULT_OVERVIEW_FILTERS, overdue: true });
    const first = overviewRequest();
    expect(first.request.params.toString()).toBe('overdue=true');
    first.flush(page([row('e-1', 'A'), row('e-2', 'B')], 'c-1'));
    expect(store.rows().map((r) => r.employer.id)).toEqual(['e-1', 'e-2']);
    expect(store.total()).toBe(3);
    expect(store.today()).toBe('2026-03-29');
    expect(store.hasMore()).toBe(true);
    expect(store.filtered()).toBe(true);

    store.loadMore();
    const second = overviewRequest();
    expect(second.request.params.get('cursor')).toBe('c-1');
    expect(second.request.params.get('overdue')).toBe('true');
    second.flush(page([row('e-3', 'C')], null));
    expect(store.rows().map((r) => r.employer.id)).toEqual([
      'e-1',
      'e-2',
      'e-3',
    ]);
    expect(store.hasMore()).toBe(false);
  });

  it('starts over when the sort changes, and drops the answer to the earlier one', () => {
    store.apply(DEFAULT_OVERVIEW_FILTERS);
    const byName = overviewRequest();
    store.sortBy('longestWait');
    expect(byName.cancelled).toBe(true);
    const byWait = overviewRequest();
    expect(byWait.request.params.get('sort')).toBe('longestWait');
    byWait.flush(page([row('e-9', 'Z')], null));
    expect(store.rows().map((r) => r.employer.id)).toEqual(['e-9']);
    expect(store.filtered()).toBe(false);
    // The same sort again asks nothing.
    store.sortBy('longestWait');
    http.expectNone(FIRM_EMPLOYERS_URL);
  });

  it('says why the list could not be loaded', () => {
    store.apply(DEFAULT_OVERVIEW_FILTERS);
    overviewRequest().flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(store.error()).toEqual({ key: 'errors.unreachable' });
    expect(store.loading()).toBe(false);
    expect(store.loaded()).toBe(false);
  });
});
