import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UserRole } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import {
  outboxItem,
  overdueView,
  reminderView,
} from '../../../testing/reminder-fixtures';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { OutboxPageComponent } from './outbox-page.component';
import { OUTBOX_URL, SWEEP_URL } from './reminders.service';

const failed = outboxItem(overdueView(), {
  status: 'failed',
  attempts: 5,
  sentAt: null,
  messageId: null,
  lastError: '421 4.3.2 Service not available',
});
const sent = outboxItem(reminderView());

describe('OutboxPageComponent (/firm/reminders)', () => {
  let fixture: ComponentFixture<OutboxPageComponent>;
  let http: HttpTestingController;

  async function open(role: UserRole): Promise<void> {
    givenSession(sessionOf(role));
    fixture = TestBed.createComponent(OutboxPageComponent);
    await fixture.whenStable();
    const first = http.expectOne((r) => r.url === OUTBOX_URL);
    expect(first.request.params.keys()).toEqual([]);
    first.flush({ items: [failed, sent], nextCursor: 'c-2' });
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const all = (testId: string): HTMLElement[] => [
    ...element().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`),
  ];

  it('lists every e-mail with its recipient, status, attempts and error; only failed ones can be sent again', async () => {
    await open('firm_staff');
    const [first, second] = all('outbox-row');
    expect(textOf(first)).toContain('EL AMRANI Youssef');
    expect(textOf(first)).toContain('EARL Les Vergers du Lot');
    expect(textOf(first)).toContain('marie@vergers-du-lot.fr FR');
    expect(textOf(first.querySelector('[data-testid="outbox-status"]'))).toBe(
      'Échec',
    );
    expect(textOf(first)).toContain('Tentatives : 5');
    expect(
      textOf(first.querySelector('[data-testid="outbox-last-error"]')),
    ).toBe('421 4.3.2 Service not available');
    expect(first.querySelector('[data-testid="outbox-resend"]')).not.toBeNull();
    expect(textOf(second)).toContain('Envoyé le 30/04/2026 07:00');
    expect(second.querySelector('[data-testid="outbox-resend"]')).toBeNull();
    // Staff see the list; only admins run the sweep.
    expect(all('outbox-sweep')).toEqual([]);
  });

  it('sends a failed e-mail again and shows its new status in place', async () => {
    await open('firm_staff');
    all('outbox-resend')[0].click();
    await fixture.whenStable();
    const request = http.expectOne(`${OUTBOX_URL}/o-d-2/resend`);
    expect(request.request.method).toBe('POST');
    request.flush({
      ...failed,
      status: 'pending',
      attempts: 0,
      resendCount: 1,
      sendAfter: '2026-04-30T09:12:00Z',
    });
    await fixture.whenStable();
    const [row] = all('outbox-row');
    expect(row.getAttribute('data-status')).toBe('pending');
    expect(textOf(row)).toContain('Envoi prévu le 30/04/2026 11:12');
    expect(textOf(row)).toContain('Renvoyé 1 fois');
    expect(row.querySelector('[data-testid="outbox-resend"]')).toBeNull();
  });

  it("shows the API's refusal of a resend next to the row", async () => {
    await open('firm_admin');
    all('outbox-resend')[0].click();
    await fixture.whenStable();
    http
      .expectOne(`${OUTBOX_URL}/o-d-2/resend`)
      .flush(
        apiError(409, 'CONFLICT', 'Ce rappel a déjà été renvoyé.'),
        status(409),
      );
    await fixture.whenStable();
    expect(textOf(all('outbox-resend-error')[0])).toBe(
      'Ce rappel a déjà été renvoyé.',
    );
  });

  it('filters by status, loads the next page, and lets an admin run the sweep now', async () => {
    await open('firm_admin');
    all('outbox-load-more')[0].click();
    await fixture.whenStable();
    const next = http.expectOne((r) => r.url === OUTBOX_URL);
    expect(next.request.params.get('cursor')).toBe('c-2');
    next.flush({
      items: [outboxItem(reminderView(), { id: 'o-3' })],
      nextCursor: null,
    });
    await fixture.whenStable();
    expect(all('outbox-row')).toHaveLength(3);
    expect(all('outbox-load-more')).toEqual([]);

    all('outbox-filter-failed')[0].querySelector('button')?.click();
    await fixture.whenStable();
    const filtered = http.expectOne((r) => r.url === OUTBOX_URL);
    expect(filtered.request.params.get('status')).toBe('failed');
    expect(filtered.request.params.has('cursor')).toBe(false);
    filtered.flush({ items: [failed], nextCursor: null });
    await fixture.whenStable();
    expect(all('outbox-row')).toHaveLength(1);

    // The digests can go now rather than at 07:00.
    all('outbox-send-digests-now')[0].querySelector('input')?.click();
    all('outbox-sweep')[0].click();
    await fixture.whenStable();
    const sweep = http.expectOne(SWEEP_URL);
    expect(sweep.request.method).toBe('POST');
    expect(sweep.request.body).toEqual({ sendDigestsNow: true });
    sweep.flush(
      { jobId: 'sweep:2026-04-30T09:12', requestedAt: '2026-04-30T09:12:30Z' },
      { status: 202, statusText: 'Accepted' },
    );
    await fixture.whenStable();
    expect(textOf(all('outbox-sweep-done')[0])).toBe(
      'Vérification demandée à 11:12 : les rappels dus vont être ajoutés à la liste.',
    );
    // The list is read again, with the same filter.
    const reload = http.expectOne((r) => r.url === OUTBOX_URL);
    expect(reload.request.params.get('status')).toBe('failed');
    reload.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(all('outbox-empty')[0])).toBe('Aucun rappel dans cet état.');
  });
});
