import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import {
  NOTIFICATIONS_FIRST_LOAD_MS,
  NOTIFICATIONS_REFRESH_MS,
  NotificationBellComponent,
} from './notification-bell.component';
import { NotificationsStore } from './notifications.store';
import { NOTIFICATIONS_URL } from './reminders.service';

describe('NotificationBellComponent (header)', () => {
  let fixture: ComponentFixture<NotificationBellComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture?.destroy();
    TestBed.inject(NotificationsStore).reset();
    jest.useRealTimers();
    http.verify();
  });

  const bell = (): HTMLElement | null =>
    (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="notification-bell"]',
    );

  it('is not shown, and asks nothing, when nobody is signed in', async () => {
    givenSession(null);
    fixture = TestBed.createComponent(NotificationBellComponent);
    fixture.detectChanges();
    jest.advanceTimersByTime(NOTIFICATIONS_REFRESH_MS);
    expect(bell()).toBeNull();
    http.expectNone(NOTIFICATIONS_URL);
  });

  it('shows the number of reminders not sent yet, asked shortly after sign-in and every 5 minutes', async () => {
    givenSession(sessionOf('employer_owner'));
    fixture = TestBed.createComponent(NotificationBellComponent);
    fixture.detectChanges();
    expect(bell()?.getAttribute('href')).toBe('/notifications');
    http.expectNone((r) => r.url === NOTIFICATIONS_URL);

    jest.advanceTimersByTime(NOTIFICATIONS_FIRST_LOAD_MS);
    http
      .expectOne((r) => r.url === NOTIFICATIONS_URL)
      .flush({ items: [], pendingCount: 3 });
    fixture.detectChanges();
    expect(
      textOf(bell()?.querySelector('[data-testid="notification-count"]')),
    ).toBe('3');
    expect(bell()?.getAttribute('aria-label')).toBe(
      "Notifications : 3 en attente d'envoi",
    );

    jest.advanceTimersByTime(NOTIFICATIONS_REFRESH_MS);
    http
      .expectOne((r) => r.url === NOTIFICATIONS_URL)
      .flush({ items: [], pendingCount: 120 });
    fixture.detectChanges();
    expect(
      textOf(bell()?.querySelector('[data-testid="notification-count"]')),
    ).toBe('99+');
  });

  it('shows no number when nothing waits, and forgets the count on sign-out', async () => {
    const session = givenSession(sessionOf('firm_staff'));
    fixture = TestBed.createComponent(NotificationBellComponent);
    fixture.detectChanges();
    jest.advanceTimersByTime(NOTIFICATIONS_FIRST_LOAD_MS);
    http
      .expectOne((r) => r.url === NOTIFICATIONS_URL)
      .flush({ items: [], pendingCount: 0 });
    fixture.detectChanges();
    expect(
      bell()?.querySelector('[data-testid="notification-count"]'),
    ).toBeNull();
    expect(bell()?.getAttribute('aria-label')).toBe('Notifications');

    TestBed.inject(NotificationsStore).load();
    http
      .expectOne((r) => r.url === NOTIFICATIONS_URL)
      .flush({ items: [], pendingCount: 2 });
    session.clear();
    fixture.detectChanges();
    expect(bell()).toBeNull();
    expect(TestBed.inject(NotificationsStore).pendingCount()).toBeNull();
    jest.advanceTimersByTime(NOTIFICATIONS_REFRESH_MS);
    http.expectNone((r) => r.url === NOTIFICATIONS_URL);
  });
});
