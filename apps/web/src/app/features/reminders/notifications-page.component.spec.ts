import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import {
  notificationItem,
  overdueView,
  reminderView,
} from '../../../testing/reminder-fixtures';
import { sessionOf } from '../../../testing/session-fixtures';
import { NotificationsPageComponent } from './notifications-page.component';
import { NotificationsStore } from './notifications.store';
import { NOTIFICATIONS_URL } from './reminders.service';

describe('NotificationsPageComponent (/notifications)', () => {
  let fixture: ComponentFixture<NotificationsPageComponent>;
  let http: HttpTestingController;

  async function open(role: Parameters<typeof sessionOf>[0]): Promise<void> {
    givenSession(sessionOf(role));
    fixture = TestBed.createComponent(NotificationsPageComponent);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.inject(NotificationsStore).reset();
    http.verify();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const all = (testId: string): HTMLElement[] => [
    ...element().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`),
  ];

  it('lists what is due for the user: kind, urgent, worker link, date with the firm notice, when it is sent', async () => {
    await open('employer_owner');
    const request = http.expectOne((r) => r.url === NOTIFICATIONS_URL);
    expect(request.request.params.get('limit')).toBe('100');
    expect(request.request.params.has('status')).toBe(false);
    request.flush({
      items: [
        notificationItem(reminderView()),
        notificationItem(overdueView(), {
          status: 'sent',
          sentAt: '2026-03-28T06:00:03Z',
        }),
      ],
      pendingCount: 1,
    });
    await fixture.whenStable();

    expect(textOf(all('notifications-summary')[0])).toBe(
      "En attente d'envoi : 1 · urgents : 1",
    );
    const [urgent, overdue] = all('notification');
    expect(textOf(urgent.querySelector('[data-testid="reminder-kind"]'))).toBe(
      'Délai de recours devant la CRRV',
    );
    expect(
      textOf(urgent.querySelector('[data-testid="reminder-urgent"]')),
    ).toBe('Urgent');
    expect(
      urgent
        .querySelector('[data-testid="reminder-worker"]')
        ?.getAttribute('href'),
    ).toBe('/dossiers/d-1');
    expect(
      textOf(urgent.querySelector('[data-testid="reminder-deadline"]')),
    ).toBe(
      'Recours devant la CRRV : 04/05/2026 (calculée - à vérifier par le cabinet)',
    );
    expect(
      textOf(urgent.querySelector('[data-testid="notification-delivery"]')),
    ).toBe('Envoi prévu le 30/04/2026 07:00');
    expect(
      textOf(overdue.querySelector('[data-testid="reminder-waited"]')),
    ).toBe('En attente de convocation depuis 44 jours');
    expect(overdue.querySelector('[data-testid="reminder-notice"]')).toBeNull();
    expect(
      textOf(overdue.querySelector('[data-testid="notification-delivery"]')),
    ).toBe('Envoyé le 28/03/2026 07:00');
    // Owners find their settings from here.
    expect(all('notifications-settings')[0]?.getAttribute('href')).toBe(
      '/employer/reminders',
    );
  });

  it('links firm staff to the firm view of the dossier, names the employer, and shows no settings link', async () => {
    await open('firm_staff');
    http
      .expectOne((r) => r.url === NOTIFICATIONS_URL)
      .flush({ items: [notificationItem(reminderView())], pendingCount: 1 });
    await fixture.whenStable();
    const [item] = all('notification');
    expect(
      item
        .querySelector('[data-testid="reminder-worker"]')
        ?.getAttribute('href'),
    ).toBe('/firm/employers/e-1/dossiers/d-1');
    expect(textOf(item)).toContain('EARL Les Vergers du Lot');
    expect(all('notifications-settings')).toEqual([]);
  });

  it('filters by status and says when nothing matches', async () => {
    await open('employer_member');
    http
      .expectOne((r) => r.url === NOTIFICATIONS_URL)
      .flush({ items: [notificationItem(reminderView())], pendingCount: 1 });
    await fixture.whenStable();
    expect(all('notifications-settings')).toEqual([]);

    all('notifications-filter-failed')[0].querySelector('button')?.click();
    await fixture.whenStable();
    const filtered = http.expectOne((r) => r.url === NOTIFICATIONS_URL);
    expect(filtered.request.params.get('status')).toBe('failed');
    filtered.flush({ items: [], pendingCount: 1 });
    await fixture.whenStable();
    expect(textOf(all('notifications-empty')[0])).toBe(
      'Aucun rappel pour le moment.',
    );
  });
});
