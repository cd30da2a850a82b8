import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormGroupDirective,
  NgForm,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher, MatOption } from '@angular/material/core';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  CONSULATES,
  CreateEmployerRequest,
  EmployerResponse,
  OFII_OFFICES,
  SECTORS,
  Sector,
  UserResponse,
  isFirmRole,
} from '@moisson/contract';
import { normalizeSiret } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, finalize } from 'rxjs';
import { ApiRequestError } from '../../core/http/api-request-error';
import { describeFormError } from '../../core/http/describe-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { siretValidator } from '../../shared/forms/siret.validator';
import { StaffService } from '../staff/staff.service';
import {
  DEPARTEMENT_PATTERN,
  POSTAL_CODE_PATTERN,
  departementFromPostalCode,
} from './departement';
import { EmployersService } from './employers.service';

export const EMPLOYER_TEXT_MAX_LENGTH = 200;

/**
 * Shows a SIRET error as soon as 14 digits are typed (not only once the field is left), so a typo
 * is caught while the number is still in front of the person.
 */
class SiretErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(
    control: AbstractControl | null,
    form: FormGroupDirective | NgForm | null,
  ): boolean {
    if (!control?.invalid) {
      return false;
    }
    const digits = String(control.value ?? '').replace(/\s+/g, '');
    return (
      control.touched ||
      !!form?.submitted ||
      (control.dirty && digits.length >= 14)
    );
  }
}

/**
 * The employer's details: creates one (`employer` not set) or edits it. The SIRET is checked as it
 * is typed, with the same rule as the API (`validateSiret` of libs/domain). Read-only for firm staff.
 */
@Component({
  selector: 'moi-employer-form',
  imports: [
    FormErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './employer-form.component.html',
  styleUrl: './employer-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerFormComponent implements OnInit {
  private readonly employers = inject(EmployersService);
  private readonly staffService = inject(StaffService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly language = inject(LanguageService);

  /** The employer to edit; none to create one. */
  readonly employer = input<EmployerResponse | null>(null);
  /** Firm staff see the details but cannot change them. */
  readonly readonly = input(false);
  readonly saved = output<EmployerResponse>();

  protected readonly sectors = SECTORS;
  protected readonly ofiiOffices = OFII_OFFICES;
  protected readonly consulates = CONSULATES;
  protected readonly maxLength = EMPLOYER_TEXT_MAX_LENGTH;
  protected readonly siretErrorState = new SiretErrorStateMatcher();
  protected readonly sending = signal(false);
  protected readonly savedNotice = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  private readonly staff = signal<UserResponse[]>([]);

  /** Active firm members, plus whoever is assigned now even if no longer active. */
  protected readonly staffOptions = computed(() => {
    const options = this.staff()
      .filter((user) => isFirmRole(user.role) && user.status === 'active')
      .map(({ id, fullName }) => ({ id, fullName }));
    const assigned = this.employer()?.assignedStaff;
    if (assigned && !options.some((option) => option.id === assigned.id)) {
      options.push(assigned);
    }
    return options.sort((a, b) => a.fullName.localeCompare(b.fullName));
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    legalName: [
      '',
      [Validators.required, Validators.maxLength(EMPLOYER_TEXT_MAX_LENGTH)],
    ],
    siret: ['', [Validators.required, siretValidator]],
    addressLine: [
      '',
      [Validators.required, Validators.maxLength(EMPLOYER_TEXT_MAX_LENGTH)],
    ],
    postalCode: [
      '',
      [Validators.required, Validators.pattern(POSTAL_CODE_PATTERN)],
    ],
    city: [
      '',
      [Validators.required, Validators.maxLength(EMPLOYER_TEXT_MAX_LENGTH)],
    ],
    departement: [
      '',
      [Validators.required, Validators.pattern(DEPARTEMENT_PATTERN)],
    ],
    sector: ['' as Sector | '', Validators.required],
    ofiiOffice: ['' as string],
    consulate: ['' as string],
    assignedStaffId: ['' as string],
  });

  constructor() {
    effect(() => {
      const employer = this.employer();
      if (employer) {
        this.form.reset(valuesOf(employer));
      }
    });
    effect(() => {
      if (this.readonly()) {
        this.form.disable({ emitEvent: false });
      } else {
        this.form.enable({ emitEvent: false });
      }
    });
  }

  ngOnInit(): void {
    this.staffService.list().subscribe({
      next: (staff) => this.staff.set(staff),
      // Without the list, the select keeps "nobody" and the current assignee: not worth an error.
      error: () => this.staff.set([]),
    });
    // Pre-fill the département from the postal code, until the user types one themselves.
    this.form.controls.postalCode.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((postalCode) => {
        const departement = this.form.controls.departement;
        const guess = departementFromPostalCode(postalCode);
        if (guess && !departement.dirty) {
          departement.setValue(guess);
        }
      });
    this.form.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.savedNotice.set(false));
  }

  protected siretMessage(): string {
    const error = this.form.controls.siret.getError('siret') as
      | { fr: string; en: string }
      | undefined;
    return error ? error[this.language.current()] : '';
  }

  protected save(): void {
    if (this.readonly() || this.sending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = this.request();
    const employer = this.employer();
    const call: Observable<EmployerResponse> = employer
      ? this.employers.update(employer.id, request)
      : this.employers.create(request);
    this.sending.set(true);
    this.error.set(null);
    call.pipe(finalize(() => this.sending.set(false))).subscribe({
      next: (saved) => {
        this.form.reset(valuesOf(saved));
        this.savedNotice.set(true);
        this.saved.emit(saved);
      },
      error: (error: unknown) => this.showError(error),
    });
  }

  private request(): CreateEmployerRequest {
    const value = this.form.getRawValue();
    return {
      legalName: value.legalName.trim(),
      siret: normalizeSiret(value.siret),
      addressLine: value.addressLine.trim(),
      postalCode: value.postalCode.trim(),
      city: value.city.trim(),
      departement: value.departement.trim().toUpperCase(),
      sector: value.sector as Sector,
      ofiiOffice: value.ofiiOffice || null,
      consulate: value.consulate || null,
      assignedStaffId: value.assignedStaffId || null,
    };
  }

  private showError(error: unknown): void {
    if (error instanceof ApiRequestError && error.code === 'CONFLICT') {
      // The only conflict of an employer: its SIRET is already registered.
      const siret = this.form.controls.siret;
      siret.setErrors({ server: error.apiError?.message ?? '' });
      siret.markAsTouched();
      return;
    }
    if (!applyServerErrors(this.form, error)) {
      this.error.set(describeFormError(error));
    }
  }
}

function valuesOf(employer: EmployerResponse) {
  return {
    legalName: employer.legalName,
    siret: employer.siret,
    addressLine: employer.addressLine,
    postalCode: employer.postalCode,
    city: employer.city,
    departement: employer.departement,
    sector: employer.sector,
    ofiiOffice: employer.ofiiOffice ?? '',
    consulate: employer.consulate ?? '',
    assignedStaffId: employer.assignedStaff?.id ?? '',
  };
}
