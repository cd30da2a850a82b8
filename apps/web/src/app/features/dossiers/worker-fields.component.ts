import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatOption } from '@angular/material/core';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  CreateWorkerRequest,
  PREFERRED_LANGUAGES,
  PreferredLanguage,
  WorkerResponse,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import {
  dayMonthYearValidator,
  parseDayMonthYear,
} from '../../shared/date/day-month-year';
import {
  CountryPipe,
  FIRST_NATIONALITIES,
  OTHER_NATIONALITIES,
} from './country';
import {
  futureDateValidator,
  pastDateValidator,
  toDayMonthYear,
} from './dossier-form.validators';

const TEXT_MAX_LENGTH = 200;

/** A worker's fields as the forms hold them (dates typed dd/mm/yyyy). */
export type WorkerForm = FormGroup<{
  surname: FormControl<string>;
  givenNames: FormControl<string>;
  birthDate: FormControl<string>;
  nationality: FormControl<string>;
  passportNumber: FormControl<string>;
  passportExpiry: FormControl<string>;
  phone: FormControl<string>;
  email: FormControl<string>;
  preferredLanguage: FormControl<PreferredLanguage>;
}>;

/**
 * The worker form of the new-hire page and of the dossier page's "Modifier": the same checks as the
 * API (required names, a birth date in the past, a passport number of 5 to 20 letters and digits,
 * a passport still valid), shown as typed. `today`: Paris's date, 'YYYY-MM-DD'.
 */
export function workerForm(
  fb: NonNullableFormBuilder,
  today: () => string,
  worker?: WorkerResponse,
): WorkerForm {
  return fb.group({
    surname: [
      worker?.surname ?? '',
      [Validators.required, Validators.maxLength(TEXT_MAX_LENGTH)],
    ],
    givenNames: [
      worker?.givenNames ?? '',
      [Validators.required, Validators.maxLength(TEXT_MAX_LENGTH)],
    ],
    birthDate: [
      toDayMonthYear(worker?.birthDate),
      [Validators.required, dayMonthYearValidator, pastDateValidator(today)],
    ],
    nationality: [worker?.nationality ?? '', Validators.required],
    passportNumber: [
      worker?.passportNumber ?? '',
      [Validators.required, Validators.pattern(/^[A-Za-z0-9 ]{5,20}$/)],
    ],
    passportExpiry: [
      toDayMonthYear(worker?.passportExpiry),
      [Validators.required, dayMonthYearValidator, futureDateValidator(today)],
    ],
    phone: [worker?.phone ?? '', Validators.maxLength(40)],
    email: [
      worker?.email ?? '',
      [Validators.email, Validators.maxLength(TEXT_MAX_LENGTH)],
    ],
    preferredLanguage: [
      worker?.preferredLanguage ?? ('fr' as PreferredLanguage),
    ],
  });
}

/** What the API takes from the form: names trimmed, dates as 'YYYY-MM-DD', passport in capitals. */
export function workerRequestOf(form: WorkerForm): CreateWorkerRequest {
  const value = form.getRawValue();
  return {
    surname: value.surname.trim(),
    givenNames: value.givenNames.trim(),
    birthDate: parseDayMonthYear(value.birthDate) ?? '',
    nationality: value.nationality,
    passportNumber: value.passportNumber.replace(/\s+/g, '').toUpperCase(),
    passportExpiry: parseDayMonthYear(value.passportExpiry) ?? '',
    phone: value.phone.trim() || null,
    email: value.email.trim() || null,
    preferredLanguage: value.preferredLanguage,
  };
}

/** The fields of a WorkerForm, each with its messages (the API's per field too). */
@Component({
  selector: 'moi-worker-fields',
  imports: [
    CountryPipe,
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
  templateUrl: './worker-fields.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerFieldsComponent {
  readonly group = input.required<WorkerForm>();

  protected readonly language = inject(LanguageService);
  protected readonly firstNationalities = FIRST_NATIONALITIES;
  protected readonly otherNationalities = OTHER_NATIONALITIES;
  protected readonly languages = PREFERRED_LANGUAGES;
}
