import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  signal,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { Locale } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { describeFormError } from '../../core/http/describe-error';
import { APP_LANGUAGES } from '../../core/i18n/app-language';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { FULL_NAME_MAX_LENGTH } from '../../shared/forms/field-limits';
import { AccountService } from './account.service';

/** Name and language of the account; the language also applies to the interface at once. */
@Component({
  selector: 'moi-profile-form',
  imports: [
    FormErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  template: `
    <form class="moi-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-form-field>
        <mat-label>{{ 'fields.fullName' | translate }}</mat-label>
        <input
          matInput
          formControlName="fullName"
          autocomplete="name"
          required
          data-testid="account-full-name"
        />
        @if (form.controls.fullName.hasError('required')) {
          <mat-error>{{ 'validation.fullNameRequired' | translate }}</mat-error>
        } @else if (form.controls.fullName.hasError('maxlength')) {
          <mat-error>{{
            'validation.tooLong' | translate: { max: maxLength }
          }}</mat-error>
        } @else if (form.controls.fullName.getError('server'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'fields.language' | translate }}</mat-label>
        <mat-select formControlName="locale" data-testid="account-locale">
          @for (code of languages; track code) {
            <mat-option [value]="code">{{
              'language.names.' + code | translate
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <moi-form-error [message]="error()" />
      <p class="moi-status-line" role="status">
        @if (saved()) {
          {{ 'account.profile.saved' | translate }}
        }
      </p>
      <div class="moi-form-actions">
        <button
          matButton="filled"
          type="submit"
          [disabled]="sending()"
          data-testid="account-profile-submit"
        >
          {{ 'common.save' | translate }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileFormComponent {
  private readonly account = inject(AccountService);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);

  protected readonly languages = APP_LANGUAGES;
  protected readonly maxLength = FULL_NAME_MAX_LENGTH;
  protected readonly sending = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: [
      '',
      [Validators.required, Validators.maxLength(FULL_NAME_MAX_LENGTH)],
    ],
    locale: ['fr' as Locale],
  });

  constructor() {
    // Fill the form with the account, and again whenever it changes elsewhere (untouched fields only).
    effect(() => {
      const user = this.session.user();
      if (user && !this.form.dirty) {
        this.form.setValue(
          { fullName: user.fullName, locale: user.locale },
          { emitEvent: false },
        );
      }
    });
    this.form.valueChanges.subscribe(() => this.saved.set(false));
  }

  protected save(): void {
    if (this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { fullName, locale } = this.form.getRawValue();
    this.sending.set(true);
    this.error.set(null);
    this.account
      .update({ fullName: fullName.trim(), locale })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: (user) => {
          this.session.updateUser(user);
          this.form.reset(
            { fullName: user.fullName, locale: user.locale },
            { emitEvent: false },
          );
          this.language.use(user.locale);
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
