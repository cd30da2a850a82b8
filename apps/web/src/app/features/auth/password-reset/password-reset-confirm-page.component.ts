import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  signal,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { describeFormError } from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../../shared/forms/form-error.component';
import {
  NEW_PASSWORD_VALIDATORS,
  NewPasswordFieldsComponent,
} from '../../../shared/forms/new-password-fields.component';
import { passwordsMatchValidator } from '../../../shared/forms/password.validators';
import { applyServerErrors } from '../../../shared/forms/server-errors';

/** `/password-reset/confirm?token=...`: the link of the e-mail; sets a new password. */
@Component({
  selector: 'moi-password-reset-confirm-page',
  imports: [
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    NewPasswordFieldsComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <div class="moi-narrow-page">
      <mat-card appearance="outlined">
        <mat-card-content>
          <h1 class="moi-page-title">
            {{ 'passwordReset.confirm.title' | translate }}
          </h1>
          @if (!token()) {
            <p class="moi-alert moi-alert-error" role="alert">
              {{ 'passwordReset.confirm.missingToken' | translate }}
            </p>
            <a routerLink="/password-reset">{{
              'passwordReset.confirm.requestAgain' | translate
            }}</a>
          } @else if (done()) {
            <p
              class="moi-alert moi-alert-success"
              role="status"
              data-testid="password-reset-done"
            >
              {{ 'passwordReset.confirm.done' | translate }}
            </p>
            <a matButton="filled" routerLink="/sign-in">{{
              'signIn.submit' | translate
            }}</a>
          } @else {
            <form
              class="moi-form"
              [formGroup]="form"
              (ngSubmit)="submit()"
              novalidate
            >
              <moi-new-password-fields
                [password]="form.controls.password"
                [confirmation]="form.controls.confirmation"
              />
              <moi-form-error [message]="error()" />
              <div class="moi-form-actions">
                <button
                  matButton="filled"
                  type="submit"
                  [disabled]="sending()"
                  data-testid="password-reset-confirm-submit"
                >
                  {{ 'passwordReset.confirm.submit' | translate }}
                </button>
                @if (error()) {
                  <a routerLink="/password-reset">{{
                    'passwordReset.confirm.requestAgain' | translate
                  }}</a>
                }
              </div>
            </form>
          }
        </mat-card-content>
      </mat-card>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordResetConfirmPageComponent {
  private readonly auth = inject(AuthService);

  /** `?token=` of the link in the e-mail. */
  readonly token = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', NEW_PASSWORD_VALIDATORS],
      confirmation: ['', Validators.required],
    },
    { validators: passwordsMatchValidator() },
  );
  protected readonly sending = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);

  protected submit(): void {
    const token = this.token();
    if (!token || this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    this.auth
      .confirmPasswordReset({
        token,
        newPassword: this.form.controls.password.value,
      })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: () => this.done.set(true),
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
