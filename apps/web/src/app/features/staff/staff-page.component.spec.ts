import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UserResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { STAFF_URL } from './staff.service';
import { StaffPageComponent } from './staff-page.component';

const team: UserResponse[] = [
  {
    id: 'u-admin',
    email: 'claire.martin@cabinet.fr',
    fullName: 'Claire Martin',
    role: 'firm_admin',
    employerId: null,
    status: 'active',
    totpEnabled: true,
    locale: 'fr',
    lastSignInAt: '2026-03-29T07:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    id: 'u-staff',
    email: 'julien.leroy@cabinet.fr',
    fullName: 'Julien Leroy',
    role: 'firm_staff',
    employerId: null,
    status: 'active',
    totpEnabled: true,
    locale: 'fr',
    lastSignInAt: null,
    createdAt: '2026-01-01T00:00:00Z',
  },
];

describe('StaffPageComponent (/firm/staff)', () => {
  let fixture: ComponentFixture<StaffPageComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(role: 'firm_admin' | 'firm_staff'): Promise<void> {
    givenSession(sessionOf(role));
    fixture = TestBed.createComponent(StaffPageComponent);
    await fixture.whenStable();
    http.expectOne(STAFF_URL).flush(team);
    if (role === 'firm_admin') {
      http.expectOne(`${STAFF_URL}/invitations`).flush([]);
    }
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);

  it('lets a firm admin invite a team member with a firm role', async () => {
    await render('firm_admin');
    expect(
      element().querySelectorAll('[data-testid="user-role-select"]'),
    ).toHaveLength(1);

    typeInto(byTestId('invite-email'), 'nina@cabinet.fr');
    byTestId('invite-submit')?.click();
    await fixture.whenStable();
    const request = http.expectOne({
      method: 'POST',
      url: `${STAFF_URL}/invitations`,
    });
    expect(request.request.body).toEqual({
      email: 'nina@cabinet.fr',
      role: 'firm_staff',
      locale: 'fr',
    });
    request.flush({
      id: 'i-1',
      email: 'nina@cabinet.fr',
      role: 'firm_staff',
      employerId: null,
      expiresAt: '2026-04-05T10:00:00Z',
      acceptedAt: null,
    });
    await fixture.whenStable();
    expect(textOf(byTestId('invite-sent'))).toContain(
      'Invitation envoyée à nina@cabinet.fr.',
    );
    expect(textOf(byTestId('pending-invitation')?.querySelector('span'))).toBe(
      'nina@cabinet.fr',
    );
  });

  it('shows the team to firm staff without any admin action', async () => {
    await render('firm_staff');

    expect(
      [...element().querySelectorAll('[data-testid="user-name"]')].map(textOf),
    ).toEqual(['Claire Martin', 'Julien Leroy (vous)']);
    expect(
      element().querySelector('[data-testid="user-role-select"]'),
    ).toBeNull();
    expect(
      element().querySelector('[data-testid="user-toggle-disabled"]'),
    ).toBeNull();
    expect(byTestId('invite-form')).toBeNull();
  });
});
