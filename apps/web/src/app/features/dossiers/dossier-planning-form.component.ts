import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
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
  CONSULATES,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  ContractType,
  DossierDetail,
  OFII_OFFICES,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { describeFormError } from '../../core/http/describe-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import {
  dayMonthYearValidator,
  parseDayMonthYear,
} from '../../shared/date/day-month-year';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { BilingualPipe } from './bilingual.pipe';
import { dateRangeValidator, toDayMonthYear } from './dossier-form.validators';
import { DossiersService } from './dossiers.service';

/** The planning fields of a dossier (job, dates, offices): procedure data changes through steps. */
@Component({
  selector: 'moi-dossier-planning-form',
  imports: [
    BilingualPipe,
    FormErrorComponent,
    MatButton,
    MatCheckbox,
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
  templateUrl: './dossier-planning-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DossierPlanningFormComponent implements OnInit {
  private readonly service = inject(DossiersService);
  protected readonly language = inject(LanguageService);

  readonly employerId = input.required<string>();
  readonly dossier = input.required<DossierDetail>();
  readonly saved = output<DossierDetail>();
  readonly cancelled = output<void>();

  protected readonly contractTypes = CONTRACT_TYPES;
  protected readonly contractLabels = CONTRACT_TYPE_LABELS;
  protected readonly ofiiOffices = OFII_OFFICES;
  protected readonly consulates = CONSULATES;
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      jobTitle: ['', [Validators.required, Validators.maxLength(200)]],
      contractType: ['seasonal' as ContractType, Validators.required],
      plannedStart: ['', [Validators.required, dayMonthYearValidator]],
      plannedEnd: ['', [Validators.required, dayMonthYearValidator]],
      shortageOccupation: [true],
      ofiiOffice: [''],
      consulate: [''],
    },
    { validators: dateRangeValidator('plannedStart', 'plannedEnd') },
  );

  ngOnInit(): void {
    const dossier = this.dossier();
    this.form.setValue({
      jobTitle: dossier.jobTitle,
      contractType: dossier.contractType,
      plannedStart: toDayMonthYear(dossier.plannedStart),
      plannedEnd: toDayMonthYear(dossier.plannedEnd),
      shortageOccupation: dossier.shortageOccupation,
      ofiiOffice: dossier.ofiiOffice ?? '',
      consulate: dossier.consulate ?? '',
    });
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    this.error.set(null);
    if (this.form.invalid || this.sending()) {
      return;
    }
    const value = this.form.getRawValue();
    this.sending.set(true);
    this.service
      .update(this.employerId(), this.dossier().id, {
        jobTitle: value.jobTitle.trim(),
        contractType: value.contractType,
        plannedStart: parseDayMonthYear(value.plannedStart) ?? '',
        plannedEnd: parseDayMonthYear(value.plannedEnd) ?? '',
        shortageOccupation: value.shortageOccupation,
        ofiiOffice: value.ofiiOffice || null,
        consulate: value.consulate || null,
      })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: (dossier) => this.saved.emit(dossier),
        error: (error: unknown) => {
          if (!applyServerErrors(this.form, error)) {
            this.error.set(describeFormError(error));
          }
        },
      });
  }
}
