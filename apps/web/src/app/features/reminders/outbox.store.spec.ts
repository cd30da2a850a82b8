import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../../testing/provide-test-app';
import { outboxItem, overdueView } from '../../../testing/reminder-fixtures';
import { OutboxStore, SWEEP_RELOAD_DELAY_MS } from './outbox.store';
import { OUTBOX_URL, SWEEP_URL } from './reminders.service';

describe('OutboxStore', () => {
  let http: HttpTestingController;
  let store: OutboxStore;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), OutboxStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(OutboxStore);
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  it('reads the list at once after queuing a sweep, and again once the worker has had time to run it', () => {
    store.filter('pending');
    http
      .expectOne((r) => r.url === OUTBOX_URL)
      .flush({ items: [], nextCursor: null });

    store.runSweep();
    store.runSweep(); // a second click while the first is in flight queues nothing more
    const sweep = http.expectOne(SWEEP_URL);
    expect(sweep.request.body).toEqual({ sendDigestsNow: false });
    sweep.flush({ jobId: 'sweep:1', requestedAt: '2026-04-30T09:12:30Z' });
    const now = http.expectOne((r) => r.url === OUTBOX_URL);
    expect(now.request.params.get('status')).toBe('pending');
    now.flush({ items: [], nextCursor: null });
    expect(store.items()).toEqual([]);

    jest.advanceTimersByTime(SWEEP_RELOAD_DELAY_MS - 1);
    http.expectNone((r) => r.url === OUTBOX_URL);
    jest.advanceTimersByTime(1);
    http
      .expectOne((r) => r.url === OUTBOX_URL)
      .flush({
        items: [outboxItem(overdueView(), { status: 'pending' })],
        nextCursor: null,
      });
    expect(store.items().map((item) => item.id)).toEqual(['o-d-2']);
    expect(store.sweep().kind).toBe('requested');
  });
});
