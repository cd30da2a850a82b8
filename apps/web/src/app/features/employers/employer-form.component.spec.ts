import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { EmployerResponse, UserResponse } from '@moisson/contract';
import {
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { apiError, status } from '../../../testing/session-fixtures';
import { LanguageService } from '../../core/i18n/language.service';
import { STAFF_URL } from '../staff/staff.service';
import { EmployerFormComponent } from './employer-form.component';
import { EMPLOYERS_URL } from './employers.service';

const staff: UserResponse[] = [
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
  {
    id: 'u-gone',
    email: 'ancien@cabinet.fr',
    fullName: 'Paul Ancien',
    role: 'firm_staff',
    employerId: null,
    status: 'disabled',
    totpEnabled: true,
    locale: 'fr',
    lastSignInAt: null,
    createdAt: '2026-01-01T00:00:00Z',
  },
];

const employer: EmployerResponse = {
  id: 'e-1',
  legalName: 'EARL Les Vergers du Lot',
  siret: '73282932000074',
  addressLine: '3 chemin des Vignes',
  postalCode: '47000',
  city: 'Agen',
  departement: '47',
  sector: 'arboriculture',
  ofiiOffice: 'casablanca',
  consulate: null,
  assignedStaff: { id: 'u-staff', fullName: 'Julien Leroy' },
  userCount: 2,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
};

describe('EmployerFormComponent', () => {
  let fixture: ComponentFixture<EmployerFormComponent>;
  let http: HttpTestingController;
  let saved: EmployerResponse[];

  async function create(
    inputs: { employer?: EmployerResponse; readonly?: boolean } = {},
  ): Promise<void> {
    fixture = TestBed.createComponent(EmployerFormComponent);
    if (inputs.employer) {
      fixture.componentRef.setInput('employer', inputs.employer);
    }
    if (inputs.readonly) {
      fixture.componentRef.setInput('readonly', true);
    }
    saved = [];
    fixture.componentInstance.saved.subscribe((value) => saved.push(value));
    await fixture.whenStable();
    http.expectOne(STAFF_URL).flush(staff);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const fieldError = (testId: string): string =>
    textOf(
      byTestId(testId)?.closest('mat-form-field')?.querySelector('mat-error'),
    );

  async function fillValid(): Promise<void> {
    typeInto(byTestId('employer-legal-name'), 'EARL Les Vergers du Lot');
    typeInto(byTestId('employer-siret'), '732 829 320 00074');
    typeInto(byTestId('employer-address'), '3 chemin des Vignes');
    typeInto(byTestId('employer-postal-code'), '47000');
    typeInto(byTestId('employer-city'), 'Agen');
    byTestId('employer-sector')?.click();
    await fixture.whenStable();
    const arboriculture = [
      ...document.querySelectorAll<HTMLElement>(
        '.cdk-overlay-container mat-option',
      ),
    ].find((option) => textOf(option) === 'Arboriculture');
    arboriculture?.click();
    await fixture.whenStable();
  }

  it('checks the SIRET key as soon as 14 digits are typed, with the message of libs/domain', async () => {
    await create();
    const siret = byTestId('employer-siret') as HTMLInputElement;
    siret.value = '7328293200007';
    siret.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    // Still typing: no error yet.
    expect(fieldError('employer-siret')).toBe('');
    siret.value = '73282932000075';
    siret.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(fieldError('employer-siret')).toBe(
      'Clé de contrôle du SIRET incorrecte : vérifiez qu’il n’y a pas de faute de frappe.',
    );

    typeInto(byTestId('employer-siret'), '732 829 320 00075');
    await fixture.whenStable();

    expect(fieldError('employer-siret')).toBe(
      'Clé de contrôle du SIRET incorrecte : vérifiez qu’il n’y a pas de faute de frappe.',
    );

    typeInto(byTestId('employer-siret'), '7328293200');
    await fixture.whenStable();
    expect(fieldError('employer-siret')).toBe(
      'Le SIRET doit comporter 14 chiffres (10 saisis).',
    );

    typeInto(byTestId('employer-siret'), '732 829 320 00074');
    await fixture.whenStable();
    expect(fieldError('employer-siret')).toBe('');
  });

  it('gives the SIRET message in English once the interface is', async () => {
    await create();
    TestBed.inject(LanguageService).use('en');
    typeInto(byTestId('employer-siret'), '73282932000075');
    await fixture.whenStable();

    expect(fieldError('employer-siret')).toBe(
      'SIRET checksum wrong: check for a typo.',
    );
  });

  it('sends nothing while a field is wrong, and says which', async () => {
    await create();
    byTestId('employer-submit')?.click();
    await fixture.whenStable();

    expect(fieldError('employer-legal-name')).toBe('Ce champ est obligatoire.');
    expect(fieldError('employer-siret')).toBe('Ce champ est obligatoire.');
    http.expectNone(EMPLOYERS_URL);
  });

  it('creates the employer: SIRET without spaces, département taken from the postal code', async () => {
    await create();
    await fillValid();

    expect((byTestId('employer-departement') as HTMLInputElement).value).toBe(
      '47',
    );
    byTestId('employer-submit')?.click();
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: EMPLOYERS_URL });
    expect(request.request.body).toEqual({
      legalName: 'EARL Les Vergers du Lot',
      siret: '73282932000074',
      addressLine: '3 chemin des Vignes',
      postalCode: '47000',
      city: 'Agen',
      departement: '47',
      sector: 'arboriculture',
      ofiiOffice: null,
      consulate: null,
      assignedStaffId: null,
    });
    expect((byTestId('employer-submit') as HTMLButtonElement).disabled).toBe(
      true,
    );
    request.flush(employer, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(saved).toEqual([employer]);
  });

  it('shows a SIRET already registered (409) under the SIRET field', async () => {
    await create();
    await fillValid();
    byTestId('employer-submit')?.click();
    await fixture.whenStable();
    http
      .expectOne(EMPLOYERS_URL)
      .flush(
        apiError(409, 'CONFLICT', 'Un employeur avec ce SIRET existe déjà.'),
        status(409),
      );
    await fixture.whenStable();

    expect(fieldError('employer-siret')).toBe(
      'Un employeur avec ce SIRET existe déjà.',
    );
    expect(saved).toEqual([]);
  });

  it("puts the API's per-field messages (400 VALIDATION_FAILED) under their fields", async () => {
    await create();
    await fillValid();
    byTestId('employer-submit')?.click();
    await fixture.whenStable();
    http.expectOne(EMPLOYERS_URL).flush(
      apiError(400, 'VALIDATION_FAILED', 'Certains champs sont invalides.', {
        details: [
          {
            field: 'siret',
            message: 'Ce SIRET est fermé au répertoire Sirene.',
          },
          { field: 'city', message: 'Commune inconnue.' },
        ],
      }),
      status(400),
    );
    await fixture.whenStable();

    expect(fieldError('employer-siret')).toBe(
      'Ce SIRET est fermé au répertoire Sirene.',
    );
    expect(fieldError('employer-city')).toBe('Commune inconnue.');
    expect(byTestId('employer-form-error')).toBeNull();
  });

  it('edits an employer with PATCH, and offers only active staff (plus whoever is assigned)', async () => {
    await create({
      employer: {
        ...employer,
        assignedStaff: { id: 'u-gone', fullName: 'Paul Ancien' },
      },
    });
    expect((byTestId('employer-siret') as HTMLInputElement).value).toBe(
      '73282932000074',
    );
    byTestId('employer-assigned-staff')?.click();
    await fixture.whenStable();
    const options = [
      ...document.querySelectorAll('.cdk-overlay-container mat-option'),
    ].map(textOf);
    expect(options).toEqual(['Personne', 'Julien Leroy', 'Paul Ancien']);

    typeInto(byTestId('employer-city'), 'Agen-Ouest');
    byTestId('employer-submit')?.click();
    await fixture.whenStable();
    const request = http.expectOne({
      method: 'PATCH',
      url: `${EMPLOYERS_URL}/e-1`,
    });
    expect(request.request.body).toMatchObject({
      city: 'Agen-Ouest',
      assignedStaffId: 'u-gone',
    });
    request.flush({ ...employer, city: 'Agen-Ouest' });
    await fixture.whenStable();
    expect(textOf(element())).toContain('Modifications enregistrées.');
  });

  it('is read-only for firm staff: fields disabled, no save button', async () => {
    await create({ employer, readonly: true });

    expect((byTestId('employer-legal-name') as HTMLInputElement).disabled).toBe(
      true,
    );
    expect(byTestId('employer-submit')).toBeNull();
  });
});
