import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { describeFormError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import {
  NEW_PASSWORD_VALIDATORS,
  NewPasswordFieldsComponent,
} from '../../shared/forms/new-password-fields.component';
import { passwordsMatchValidator } from '../../shared/forms/password.validators';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { AccountService } from './account.service';

/** Current password, then the new one twice; every other session of the user ends. */
@Component({
  selector: 'moi-change-password-form',
  imports: [
    FormErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    NewPasswordFieldsComponent,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  template: `
    <form class="moi-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <input
        type="email"
        class="moi-visually-hidden"
        autocomplete="username"
        tabindex="-1"
        aria-hidden="true"
        [value]="session.user()?.email ?? ''"
        readonly
      />
      <mat-form-field>
        <mat-label>{{ 'fields.currentPassword' | translate }}</mat-label>
        <input
          matInput
          type="password"
          formControlName="currentPassword"
          autocomplete="current-password"
          required
          data-testid="current-password"
        />
        @if (form.controls.currentPassword.hasError('required')) {
          <mat-error>{{ 'validation.passwordRequired' | translate }}</mat-error>
        } @else if (
          form.controls.currentPassword.getError('server');
          as message
        ) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <moi-new-password-fields
        [password]="form.controls.password"
        [confirmation]="form.controls.confirmation"
      />
      <moi-form-error [message]="error()" testId="change-password-error" />
      <p class="moi-status-line" role="status">
        @if (changed()) {
          {{ 'account.password.changed' | translate }}
        }
      </p>
      <div class="moi-form-actions">
        <button
          matButton="filled"
          type="submit"
          [disabled]="sending()"
          data-testid="change-password-submit"
        >
          {{ 'account.password.submit' | translate }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordFormComponent {
  private readonly account = inject(AccountService);
  protected readonly session = inject(SessionStore);

  protected readonly sending = signal(false);
  protected readonly changed = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      password: ['', NEW_PASSWORD_VALIDATORS],
      confirmation: ['', Validators.required],
    },
    { validators: passwordsMatchValidator() },
  );

  protected save(): void {
    if (this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, password } = this.form.getRawValue();
    this.sending.set(true);
    this.error.set(null);
    this.changed.set(false);
    this.account
      .changePassword({ currentPassword, newPassword: password })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: () => {
          // Also clears "submitted", so the emptied fields do not show as errors.
          this.formDirective().resetForm();
          this.changed.set(true);
        },
        error: (error: unknown) => {
          if (
            !applyServerErrors(this.form, error, { newPassword: 'password' })
          ) {
            this.error.set(describeFormError(error));
          }
        },
      });
  }
}
