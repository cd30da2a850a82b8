import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { InvitationResponse, UserResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { EmployerUsersComponent } from './employer-users.component';

const user = (over: Partial<UserResponse>): UserResponse => ({
  id: 'u-x',
  email: 'x@vergers-du-lot.fr',
  fullName: 'X',
  role: 'employer_member',
  employerId: 'e-1',
  status: 'active',
  totpEnabled: false,
  locale: 'fr',
  lastSignInAt: null,
  createdAt: '2026-03-01T10:00:00Z',
  ...over,
});

const users: UserResponse[] = [
  user({
    id: 'u-owner',
    email: 'marie@vergers-du-lot.fr',
    fullName: 'Marie Dupont',
    role: 'employer_owner',
    lastSignInAt: '2026-03-29T06:05:00Z',
  }),
  user({
    id: 'u-pierre',
    email: 'pierre@vergers-du-lot.fr',
    fullName: 'Pierre Dupont',
    totpEnabled: true,
  }),
];
const pending: InvitationResponse[] = [
  {
    id: 'i-1',
    email: 'compta@vergers-du-lot.fr',
    role: 'employer_member',
    employerId: 'e-1',
    expiresAt: '2026-04-05T10:00:00Z',
    acceptedAt: null,
  },
];

describe('EmployerUsersComponent', () => {
  let fixture: ComponentFixture<EmployerUsersComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    document
      .querySelectorAll('.cdk-overlay-container')
      .forEach((overlay) => (overlay.innerHTML = ''));
    http.verify();
  });

  async function render(canManage: boolean, employerId = 'e-1') {
    givenSession(sessionOf('employer_owner'));
    fixture = TestBed.createComponent(EmployerUsersComponent);
    fixture.componentRef.setInput('employerId', employerId);
    fixture.componentRef.setInput('canManage', canManage);
    await fixture.whenStable();
  }

  async function renderLoaded(canManage = true): Promise<void> {
    await render(canManage);
    http.expectOne('/api/employers/e-1/users').flush(users);
    http.expectOne('/api/employers/e-1/invitations').flush(pending);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const cells = (tr: Element | null): string[] =>
    [...(tr?.querySelectorAll('td') ?? [])].map(textOf);
  const row = (email: string): HTMLElement | null =>
    element().querySelector(`[data-testid="user-row"][data-email="${email}"]`);

  it('lists the users (name, e-mail, role, status, two-factor, last sign-in) and pending invitations', async () => {
    await renderLoaded();

    const owner = row('marie@vergers-du-lot.fr');
    expect(textOf(owner?.querySelector('[data-testid="user-name"]'))).toBe(
      'Marie Dupont (vous)',
    );
    expect(textOf(owner?.querySelector('[data-testid="user-email"]'))).toBe(
      'marie@vergers-du-lot.fr',
    );
    expect(cells(owner).slice(1)).toEqual([
      'Responsable',
      'Actif',
      'Non',
      // 06:05 UTC on 29 March 2026 is 08:05 in Paris.
      '29/03/2026 08:05',
      '',
    ]);
    expect(cells(row('pierre@vergers-du-lot.fr')).slice(2, 6)).toEqual([
      'Actif',
      'Oui',
      'Jamais',
      'Désactiver',
    ]);
    expect(
      [...(byTestId('pending-invitation')?.querySelectorAll('span') ?? [])].map(
        textOf,
      ),
    ).toEqual(['compta@vergers-du-lot.fr', 'Membre', 'expire le 05/04/2026']);
  });

  it('lets a manager change the role of another user (not their own)', async () => {
    await renderLoaded();
    expect(
      row('marie@vergers-du-lot.fr')?.querySelector(
        '[data-testid="user-role-select"]',
      ),
    ).toBeNull();

    (
      row('pierre@vergers-du-lot.fr')?.querySelector(
        '[data-testid="user-role-select"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    [
      ...document.querySelectorAll<HTMLElement>(
        '.cdk-overlay-container mat-option',
      ),
    ]
      .find((option) => textOf(option) === 'Responsable')
      ?.click();
    await fixture.whenStable();

    const request = http.expectOne({
      method: 'PATCH',
      url: '/api/employers/e-1/users/u-pierre',
    });
    expect(request.request.body).toEqual({ role: 'employer_owner' });
    request.flush({ ...users[1], role: 'employer_owner' });
    await fixture.whenStable();
    expect(
      textOf(row('pierre@vergers-du-lot.fr')?.querySelector('mat-select')),
    ).toBe('Responsable');
  });

  it('disables a user only after confirming, and shows the new status', async () => {
    await renderLoaded();
    expect(
      row('pierre@vergers-du-lot.fr')
        ?.querySelector('[data-testid="user-toggle-disabled"]')
        ?.getAttribute('aria-label'),
    ).toBe('Désactiver Pierre Dupont');
    (
      row('pierre@vergers-du-lot.fr')?.querySelector(
        '[data-testid="user-toggle-disabled"]',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();

    const dialog = document.querySelector('mat-dialog-container');
    expect(textOf(dialog?.querySelector('h2'))).toBe(
      'Désactiver Pierre Dupont ?',
    );
    http.expectNone('/api/employers/e-1/users/u-pierre');
    (
      dialog?.querySelector('[data-testid="confirm-ok"]') as HTMLElement
    ).click();
    await fixture.whenStable();

    const request = http.expectOne({
      method: 'PATCH',
      url: '/api/employers/e-1/users/u-pierre',
    });
    expect(request.request.body).toEqual({ disabled: true });
    request.flush({ ...users[1], status: 'disabled' });
    await fixture.whenStable();
    expect(
      textOf(
        row('pierre@vergers-du-lot.fr')?.querySelector(
          '[data-testid="user-status"]',
        ),
      ),
    ).toBe('Désactivé');
    expect(
      textOf(
        row('pierre@vergers-du-lot.fr')?.querySelector(
          '[data-testid="user-toggle-disabled"]',
        ),
      ),
    ).toBe('Réactiver');
  });

  it("shows the API's refusal of a change above the list", async () => {
    await renderLoaded();
    (
      row('pierre@vergers-du-lot.fr')?.querySelector(
        '[data-testid="user-toggle-disabled"]',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    (
      document.querySelector('[data-testid="confirm-ok"]') as HTMLElement
    ).click();
    await fixture.whenStable();
    http
      .expectOne('/api/employers/e-1/users/u-pierre')
      .flush(
        apiError(
          409,
          'CONFLICT',
          'Une exploitation garde au moins un responsable.',
        ),
        status(409),
      );
    await fixture.whenStable();

    expect(textOf(byTestId('users-action-error'))).toBe(
      'Une exploitation garde au moins un responsable.',
    );
  });

  it('invites a user with a role and the language of the e-mail, and lists the invitation', async () => {
    await renderLoaded();
    typeInto(byTestId('invite-email'), ' paul@vergers-du-lot.fr ');
    byTestId('invite-submit')?.click();
    await fixture.whenStable();

    const request = http.expectOne({
      method: 'POST',
      url: '/api/employers/e-1/invitations',
    });
    expect(request.request.body).toEqual({
      email: 'paul@vergers-du-lot.fr',
      role: 'employer_member',
      locale: 'fr',
    });
    request.flush({
      id: 'i-2',
      email: 'paul@vergers-du-lot.fr',
      role: 'employer_member',
      employerId: 'e-1',
      expiresAt: '2026-04-05T10:00:00Z',
      acceptedAt: null,
    });
    await fixture.whenStable();

    expect(
      [...element().querySelectorAll('[data-testid="pending-invitation"]')].map(
        (item) => textOf(item.querySelector('span')),
      ),
    ).toEqual(['paul@vergers-du-lot.fr', 'compta@vergers-du-lot.fr']);
    expect(textOf(byTestId('invite-sent'))).toBe(
      "Invitation envoyée à paul@vergers-du-lot.fr. Le lien est valable jusqu'au 05/04/2026.",
    );
    expect((byTestId('invite-email') as HTMLInputElement).value).toBe('');
  });

  it("shows who is already invited (the API's message) under the e-mail", async () => {
    await renderLoaded();
    typeInto(byTestId('invite-email'), 'compta@vergers-du-lot.fr');
    byTestId('invite-submit')?.click();
    await fixture.whenStable();
    http
      .expectOne('/api/employers/e-1/invitations')
      .flush(
        apiError(
          409,
          'CONFLICT',
          'Une invitation est déjà en attente pour cette adresse.',
        ),
        status(409),
      );
    await fixture.whenStable();

    expect(textOf(byTestId('invite-error'))).toBe(
      'Une invitation est déjà en attente pour cette adresse.',
    );
  });

  it('only shows, without actions or invite form, to someone who may not manage', async () => {
    await renderLoaded(false);

    expect(
      element().querySelector('[data-testid="user-role-select"]'),
    ).toBeNull();
    expect(
      element().querySelector('[data-testid="user-toggle-disabled"]'),
    ).toBeNull();
    expect(byTestId('invite-form')).toBeNull();
    expect(textOf(row('pierre@vergers-du-lot.fr'))).toContain('Membre');
  });

  it('says "Introuvable" when the employer is not found or not the reader\'s', async () => {
    await render(true, 'e-other');
    http
      .expectOne('/api/employers/e-other/users')
      .flush(apiError(404, 'NOT_FOUND', 'Introuvable.'), status(404));
    http.expectOne('/api/employers/e-other/invitations');
    await fixture.whenStable();

    expect(textOf(byTestId('not-found'))).toBe('Introuvable');
    expect(byTestId('invite-form')).toBeNull();
  });
});
