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
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ReactiveFormsModule,
  ValidatorFn,
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
  DossierTransitionRequest,
  TransitionErrorDetail,
} from '@moisson/contract';
import {
  DEFAULT_VISA_REFUSAL_GROUNDS,
  DOSSIER_STATE_LABELS,
  DossierState,
  parisToday,
} from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, finalize } from 'rxjs';
import { ApiRequestError } from '../../core/http/api-request-error';
import { describeFormError } from '../../core/http/describe-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import {
  dayMonthYearValidator,
  parseDayMonthYear,
} from '../../shared/date/day-month-year';
import { BilingualPipe } from './bilingual.pipe';
import {
  TransitionFieldView,
  dateOrderValidator,
  notAfterTodayValidator,
  transitionFields,
} from './transition-form.model';

const TEXT_MAX_LENGTH = 2000;

/** `{ groundsRequired: true }` when no refusal ground is ticked. */
function atLeastOneGround(control: AbstractControl): ValidationErrors | null {
  return Array.isArray(control.value) && control.value.length > 0
    ? null
    : { groundsRequired: true };
}

/**
 * The form of one step of a dossier (or of a group of dossiers), drawn from the domain's
 * TRANSITION_DATA_REQUIREMENTS for `to`: dates typed dd/mm/yyyy and checked as typed, selects for
 * OFII offices and consulates, tick boxes for visa refusal grounds. A refusal of the API (422) is
 * shown on the field it names, in the interface language.
 */
@Component({
  selector: 'moi-transition-form',
  imports: [
    BilingualPipe,
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
  templateUrl: './transition-form.component.html',
  styleUrl: './transition-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransitionFormComponent implements OnInit {
  protected readonly language = inject(LanguageService);

  /** The state the step leads to. */
  readonly to = input.required<DossierState>();
  /** Sends the step (one dossier or a group); the form shows the API's refusal. */
  readonly send =
    input.required<
      (request: DossierTransitionRequest) => Observable<unknown>
    >();
  readonly done = output<unknown>();
  readonly cancelled = output<void>();

  protected readonly stateLabels = DOSSIER_STATE_LABELS;
  protected readonly grounds = DEFAULT_VISA_REFUSAL_GROUNDS;
  protected fields: TransitionFieldView[] = [];
  protected readonly form = new FormGroup<Record<string, FormControl>>({});
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  /** Refusals the API gave about no field of the form. */
  protected readonly otherProblems = signal<string[]>([]);

  ngOnInit(): void {
    const today = () => parisToday(new Date());
    this.fields = transitionFields(this.to());
    for (const field of this.fields) {
      const validators: ValidatorFn[] = [];
      if (field.required) {
        validators.push(
          field.widget === 'grounds' ? atLeastOneGround : Validators.required,
        );
      }
      if (field.widget === 'date') {
        validators.push(dayMonthYearValidator);
        if (field.notAfterToday) {
          validators.push(notAfterTodayValidator(today));
        }
      }
      if (field.widget === 'text' || field.widget === 'note') {
        validators.push(Validators.maxLength(TEXT_MAX_LENGTH));
      }
      if (field.widget === 'months') {
        validators.push(Validators.min(1), Validators.max(24));
      }
      const initial: unknown =
        field.widget === 'grounds'
          ? []
          : field.widget === 'months'
            ? (field.defaultValue ?? null)
            : '';
      this.form.addControl(
        field.name,
        new FormControl(initial, { validators, nonNullable: true }),
      );
    }
    this.form.addValidators(dateOrderValidator(this.to()));
  }

  protected control(name: string): FormControl {
    return this.form.controls[name];
  }

  protected groundTicked(code: string): boolean {
    return (this.control('grounds').value as string[]).includes(code);
  }

  protected toggleGround(code: string, checked: boolean): void {
    const control = this.control('grounds');
    const current = control.value as string[];
    control.setValue(
      checked
        ? [...current, code]
        : current.filter((ticked) => ticked !== code),
    );
    control.markAsTouched();
  }

  protected label(field: TransitionFieldView): string {
    const text = field.label[this.language.current()];
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    this.error.set(null);
    this.otherProblems.set([]);
    if (this.form.invalid || this.sending()) {
      return;
    }
    this.sending.set(true);
    this.send()({ to: this.to(), data: this.data() })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: (result) => this.done.emit(result),
        error: (error: unknown) => this.showRefusal(error),
      });
  }

  /** The form's values as the API expects them: dates 'YYYY-MM-DD', empty optional fields left out. */
  private data(): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const field of this.fields) {
      const value: unknown = this.control(field.name).value;
      if (field.widget === 'grounds') {
        if ((value as string[]).length > 0) data[field.name] = value;
      } else if (field.widget === 'months') {
        if (value !== null && value !== '') data[field.name] = Number(value);
      } else if (field.widget === 'date') {
        const iso = parseDayMonthYear(String(value ?? ''));
        if (iso) data[field.name] = iso;
      } else {
        const text = String(value ?? '').trim();
        if (text) data[field.name] = text;
      }
    }
    return data;
  }

  private showRefusal(error: unknown): void {
    const details = (
      error instanceof ApiRequestError ? (error.apiError?.details ?? []) : []
    ) as TransitionErrorDetail[];
    if (details.length === 0) {
      this.error.set(describeFormError(error));
      return;
    }
    const french = this.language.current() === 'fr';
    const others: string[] = [];
    for (const detail of details) {
      const message =
        french && detail.messageFr ? detail.messageFr : detail.message;
      const name = detail.field?.startsWith('data.')
        ? detail.field.slice('data.'.length)
        : null;
      const control = name ? this.form.controls[name] : undefined;
      if (control) {
        control.setErrors({ ...(control.errors ?? {}), server: message });
        control.markAsTouched();
      } else {
        others.push(message);
      }
    }
    this.otherProblems.set(others);
  }
}
