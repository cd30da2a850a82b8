import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Locale, ReminderSettingsResponse } from '@moisson/contract';
import {
  BilingualText,
  REMINDER_SETTINGS_BOUNDS,
  ReminderSettingsField,
} from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription, finalize } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { ApiRequestError } from '../../core/http/api-request-error';
import {
  describeError,
  describeFormError,
} from '../../core/http/describe-error';
import { APP_LANGUAGES } from '../../core/i18n/app-language';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { BilingualPipe } from '../dossiers/bilingual.pipe';
import {
  ReminderSettingsFormValue,
  settingsRequest,
  settingsViolations,
} from './reminder-settings-form';
import { RemindersService } from './reminders.service';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; settings: ReminderSettingsResponse }
  | { kind: 'notFound' }
  | { kind: 'failed'; message: TranslatableMessage };

/**
 * `/employer/reminders` (the owner's own employer) and `/firm/employers/:id/reminders` (firm
 * admins): when the convocation follow-ups start and repeat, the e-mails' language, and extra
 * addresses. Checked with the domain's bounds before sending; the API checks them again.
 */
@Component({
  selector: 'moi-reminder-settings-page',
  imports: [
    BilingualPipe,
    FormErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ParisDatePipe,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './reminder-settings-page.component.html',
  styles: `
    .origin {
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderSettingsPageComponent {
  private readonly service = inject(RemindersService);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** `:id` of the firm's route; none on the owner's own page. */
  readonly id = input<string>();

  protected readonly employerId = computed(
    () => this.id() ?? this.session.user()?.employerId ?? null,
  );
  protected readonly backLink = computed(() =>
    this.id() ? ['/firm/employers', this.id() as string] : ['/notifications'],
  );
  protected readonly bounds = REMINDER_SETTINGS_BOUNDS;
  protected readonly languages = APP_LANGUAGES;
  protected readonly state = signal<LoadState>({ kind: 'loading' });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  /** The domain's messages by field, from the last attempt to save. */
  protected readonly violations = signal<
    Partial<Record<ReminderSettingsField, BilingualText[]>>
  >({});
  private request: Subscription | null = null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    convocationOverdueDays: [null as number | null],
    convocationRepeatDays: [null as number | null],
    language: ['fr' as Locale],
    extraRecipients: [''],
  });

  constructor() {
    effect(() => {
      const employerId = this.employerId();
      untracked(() => this.load(employerId));
    });
    // A field's message goes as soon as the person changes that field.
    this.form.valueChanges.subscribe(() => this.saved.set(false));
  }

  private load(employerId: string | null): void {
    this.request?.unsubscribe();
    if (!employerId) {
      this.state.set({ kind: 'notFound' });
      return;
    }
    this.state.set({ kind: 'loading' });
    this.request = this.service.settings(employerId).subscribe({
      next: (settings) => {
        this.fill(settings);
        this.state.set({ kind: 'ready', settings });
      },
      error: (error: unknown) =>
        this.state.set(
          error instanceof ApiRequestError && error.status === 404
            ? { kind: 'notFound' }
            : { kind: 'failed', message: describeError(error) },
        ),
    });
  }

  private fill(settings: ReminderSettingsResponse): void {
    this.form.setValue({
      convocationOverdueDays: settings.convocationOverdueDays,
      convocationRepeatDays: settings.convocationRepeatDays,
      language: settings.language,
      extraRecipients: settings.extraRecipients.join('\n'),
    });
    this.form.markAsPristine();
  }

  protected messages(field: ReminderSettingsField): BilingualText[] {
    return this.violations()[field] ?? [];
  }

  protected save(): void {
    const employerId = this.employerId();
    const value: ReminderSettingsFormValue = this.form.getRawValue();
    const violations = settingsViolations(value);
    this.violations.set(violations);
    this.error.set(null);
    this.saved.set(false);
    for (const [field, control] of Object.entries(this.form.controls)) {
      control.setErrors(
        violations[field as ReminderSettingsField] ? { rule: true } : null,
      );
      control.markAsTouched();
    }
    if (!employerId || Object.keys(violations).length > 0) {
      return;
    }
    this.saving.set(true);
    this.service
      .saveSettings(employerId, settingsRequest(value))
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (settings) => {
          this.fill(settings);
          this.state.set({ kind: 'ready', settings });
          this.saved.set(true);
        },
        error: (error: unknown) => {
          if (!applyServerErrors(this.form, error)) {
            this.error.set(describeFormError(error));
          }
        },
      });
  }
}
