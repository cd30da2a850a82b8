import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AgendaItem } from '@moisson/contract';
import { provideTestApp } from '../../../../testing/provide-test-app';
import { FIRM_CALENDAR_URL, FIRM_DEADLINES_URL } from './agenda.service';
import { AgendaStore } from './agenda.store';

function item(
  id: string,
  date: string,
  over: Partial<AgendaItem> = {},
): AgendaItem {
  return {
    id,
    kind: 'crrv_appeal',
    label: { fr: 'Recours CRRV', en: 'CRRV appeal' },
    date,
    legal: true,
    rolled: false,
    daysLeft: 3,
    notice: {
      fr: 'calculée - à vérifier par le cabinet',
      en: 'computed - to be checked by the firm',
    },
    place: null,
    employer: { id: 'e-1', legalName: 'Vignobles du Marmandais' },
    dossier: {
      id: `d-${id}`,
      state: 'VISA_REFUSED',
      workerName: 'Essaidi Karim',
      ofiiOffice: 'casablanca',
    },
    ...over,
  };
}

describe('AgendaStore (deadlines list and calendar)', () => {
  let store: AgendaStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), AgendaStore],
    });
    store = TestBed.inject(AgendaStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists from today for the chosen period, page after page', () => {
    store.start('2026-03-29');
    const first = http.expectOne((r) => r.url === FIRM_DEADLINES_URL);
    expect(first.request.params.toString()).toBe(
      'from=2026-03-29&to=2026-04-28',
    );
    first.flush({ items: [item('a', '2026-04-01')], nextCursor: 'c-1' });
    store.loadMore();
    const second = http.expectOne((r) => r.url === FIRM_DEADLINES_URL);
    expect(second.request.params.get('cursor')).toBe('c-1');
    second.flush({ items: [item('b', '2026-04-02')], nextCursor: null });
    expect(store.items().map((i) => i.id)).toEqual(['a', 'b']);

    store.setFilters({ kinds: ['crrv_appeal', 'court_appeal'], horizon: 7 });
    const filtered = http.expectOne((r) => r.url === FIRM_DEADLINES_URL);
    expect(filtered.request.params.get('kind')).toBe(
      'crrv_appeal,court_appeal',
    );
    expect(filtered.request.params.get('to')).toBe('2026-04-05');
    filtered.flush({ items: [], nextCursor: null });
    expect(store.items()).toEqual([]);
    expect(store.loaded()).toBe(true);
  });

  it('asks the month view for whole weeks from Monday and puts each item on its day', () => {
    store.start('2026-03-29');
    http
      .expectOne((r) => r.url === FIRM_DEADLINES_URL)
      .flush({ items: [], nextCursor: null });
    store.setMode('month');
    const month = http.expectOne((r) => r.url === FIRM_CALENDAR_URL);
    // March 2026: Sunday 1 to Tuesday 31 -> Monday 23 February to Sunday 5 April.
    expect(month.request.params.toString()).toBe(
      'from=2026-02-23&to=2026-04-05',
    );
    month.flush({
      from: '2026-02-23',
      to: '2026-04-05',
      items: [
        item('a', '2026-03-31'),
        item('b', '2026-03-31'),
        item('c', '2026-04-02'),
      ],
      truncated: false,
    });
    const weeks = store.weeks();
    expect(weeks).toHaveLength(6);
    const cell = (date: string) =>
      weeks.flat().find((day) => day.date === date);
    expect(cell('2026-03-31')?.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(cell('2026-04-02')).toMatchObject({ inMonth: false });
    expect(cell('2026-04-02')?.items.map((i) => i.id)).toEqual(['c']);
    expect(cell('2026-03-29')).toMatchObject({ isToday: true, items: [] });
    expect(store.calendarCount()).toBe(3);
  });

  it('moves the week view by whole weeks, Monday to Sunday, and comes back to today', () => {
    store.start('2026-03-29');
    http
      .expectOne((r) => r.url === FIRM_DEADLINES_URL)
      .flush({ items: [], nextCursor: null });
    store.setMode('week');
    expect(
      http
        .expectOne((r) => r.url === FIRM_CALENDAR_URL)
        .request.params.toString(),
    ).toBe('from=2026-03-23&to=2026-03-29');
    store.move(1);
    const next = http.expectOne((r) => r.url === FIRM_CALENDAR_URL);
    expect(next.request.params.toString()).toBe(
      'from=2026-03-30&to=2026-04-05',
    );
    next.flush({
      from: '2026-03-30',
      to: '2026-04-05',
      items: [],
      truncated: true,
    });
    expect(store.truncated()).toBe(true);
    expect(store.weeks()[0].every((day) => day.inMonth)).toBe(true);
    store.goToToday();
    expect(
      http
        .expectOne((r) => r.url === FIRM_CALENDAR_URL)
        .request.params.toString(),
    ).toBe('from=2026-03-23&to=2026-03-29');
  });
});
