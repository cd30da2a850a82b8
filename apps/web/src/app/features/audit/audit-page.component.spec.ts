import {
  HttpTestingController,
  TestRequest,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AuditEventResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { AUDIT_EVENTS_URL } from './audit.service';
import { AuditPageComponent } from './audit-page.component';

const event = (over: Partial<AuditEventResponse>): AuditEventResponse => ({
  id: 'a-1',
  at: '2026-03-29T01:30:00Z',
  action: 'user.role_changed',
  actor: { id: 'u-admin', email: 'claire.martin@cabinet.fr' },
  employerId: 'e-1',
  targetType: 'user',
  targetId: 'u-pierre',
  ip: '192.0.2.10',
  details: { from: 'employer_member', to: 'employer_owner' },
  ...over,
});

describe('AuditPageComponent (/firm/audit)', () => {
  let fixture: ComponentFixture<AuditPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    givenSession(sessionOf('firm_admin'));
    fixture = TestBed.createComponent(AuditPageComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    document
      .querySelectorAll('.cdk-overlay-container')
      .forEach((overlay) => (overlay.innerHTML = ''));
    http.verify();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const auditRequest = (): TestRequest =>
    http.expectOne((request) => request.url === AUDIT_EVENTS_URL);

  it('shows the latest events: Paris date, action in words, actor, employer name, details', async () => {
    auditRequest().flush({
      items: [
        event({}),
        event({
          id: 'a-2',
          actor: { id: null, email: null },
          employerId: null,
          action: 'auth.locked_out',
          details: {},
          targetType: null,
          ip: null,
        }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();
    http.expectOne('/api/employers/e-1').flush({
      id: 'e-1',
      legalName: 'EARL Les Vergers du Lot',
    });
    await fixture.whenStable();

    const rows = [
      ...element().querySelectorAll('[data-testid="audit-event"]'),
    ].map((row) => [...row.querySelectorAll('td')].map(textOf));
    expect(rows).toEqual([
      [
        '29/03/2026 03:30',
        'Rôle modifié',
        'claire.martin@cabinet.fr',
        'EARL Les Vergers du Lot',
        'user u-pierreIP 192.0.2.10from: employer_member · to: employer_owner',
      ],
      ['29/03/2026 03:30', 'Compte bloqué temporairement', 'Système', '—', ''],
    ]);
  });

  it('filters by action, actor and Paris days, and starts again from the first page', async () => {
    auditRequest().flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(textOf(byTestId('audit-empty'))).toBe(
      'Aucun événement ne correspond à ces filtres.',
    );

    byTestId('audit-action')?.click();
    await fixture.whenStable();
    [
      ...document.querySelectorAll<HTMLElement>(
        '.cdk-overlay-container mat-option',
      ),
    ]
      .find((option) => textOf(option) === 'Échec de connexion')
      ?.click();
    typeInto(byTestId('audit-actor'), 'marie@vergers-du-lot.fr');
    typeInto(byTestId('audit-from'), '29/03/2026');
    typeInto(byTestId('audit-to'), '30/03/2026');
    byTestId('audit-search')?.click();
    await fixture.whenStable();

    const params = auditRequest().request.params;
    expect(params.get('action')).toBe('auth.sign_in_failed');
    expect(params.get('actorEmail')).toBe('marie@vergers-du-lot.fr');
    // Calendar days, as the API reads them.
    expect(params.get('from')).toBe('2026-03-29');
    expect(params.get('to')).toBe('2026-03-30');
    expect(params.has('employerId')).toBe(false);
    expect(params.has('cursor')).toBe(false);
  });

  it('refuses a date that is not dd/mm/yyyy, and a range that ends before it starts', async () => {
    auditRequest().flush({ items: [], nextCursor: null });
    typeInto(byTestId('audit-from'), '2026-03-29');
    byTestId('audit-search')?.click();
    await fixture.whenStable();

    expect(
      textOf(
        byTestId('audit-from')
          ?.closest('mat-form-field')
          ?.querySelector('mat-error'),
      ),
    ).toBe('Date attendue au format jj/mm/aaaa.');

    typeInto(byTestId('audit-from'), '30/03/2026');
    typeInto(byTestId('audit-to'), '29/03/2026');
    byTestId('audit-search')?.click();
    await fixture.whenStable();
    expect(textOf(element())).toContain(
      'La date de début doit précéder la date de fin.',
    );
    http.expectNone((request) => request.url === AUDIT_EVENTS_URL);
  });

  it('loads more with the cursor, keeping the filters', async () => {
    auditRequest().flush({
      items: [event({ employerId: null })],
      nextCursor: 'c-2',
    });
    await fixture.whenStable();
    typeInto(byTestId('audit-actor'), 'claire.martin@cabinet.fr');
    byTestId('audit-search')?.click();
    await fixture.whenStable();
    auditRequest().flush({
      items: [event({ employerId: null })],
      nextCursor: 'c-2',
    });
    await fixture.whenStable();

    byTestId('audit-load-more')?.click();
    await fixture.whenStable();
    const next = auditRequest();
    expect(next.request.params.get('cursor')).toBe('c-2');
    expect(next.request.params.get('actorEmail')).toBe(
      'claire.martin@cabinet.fr',
    );
    next.flush({
      items: [event({ id: 'a-9', employerId: null })],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(
      element().querySelectorAll('[data-testid="audit-event"]'),
    ).toHaveLength(2);
    expect(byTestId('audit-load-more')).toBeNull();
  });
});
