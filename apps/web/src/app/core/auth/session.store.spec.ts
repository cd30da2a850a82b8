import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { SESSION_URL } from './auth.service';
import { SessionStore } from './session.store';

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks the API once, however many callers wait for the session', () => {
    const phases: string[] = [];
    store.ensureLoaded().subscribe(() => phases.push(store.phase()));
    store.ensureLoaded().subscribe(() => phases.push(store.phase()));
    expect(store.phase()).toBe('unknown');

    http.expectOne(SESSION_URL).flush(sessionOf('firm_staff'));
    store.ensureLoaded().subscribe(() => phases.push(store.phase()));

    expect(phases).toEqual(['signed_in', 'signed_in', 'signed_in']);
    http.expectNone(SESSION_URL);
  });

  it('grants the permissions of the role, only once every sign-in step is done', () => {
    store.set(sessionOf('firm_staff', 'totp_enrolment_required'));
    expect(store.can('authenticated')).toBe(false);

    store.set(sessionOf('firm_staff'));
    expect(store.can('firm.read')).toBe(true);
    expect(store.can('firm.admin')).toBe(false);
    expect(store.can('employer.users.manage')).toBe(false);
    expect(store.isFirm()).toBe(true);
  });

  it('takes a 401 (or an API that does not answer) as signed out', () => {
    store.ensureLoaded().subscribe();
    http
      .expectOne(SESSION_URL)
      .flush(apiError(401, 'UNAUTHENTICATED', 'Non connecté.'), status(401));
    expect(store.phase()).toBe('anonymous');

    store.refresh().subscribe();
    http
      .expectOne(SESSION_URL)
      .error(new ProgressEvent('error'), { status: 0 });
    expect(store.phase()).toBe('anonymous');
  });
});
