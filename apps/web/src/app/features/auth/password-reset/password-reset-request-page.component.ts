import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { describeFormError } from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../../shared/forms/form-error.component';

/**
 * `/password-reset`: asks for the e-mail address and always gives the same answer, so the page does
 * not tell who has an account.
 */
@Component({
  selector: 'moi-password-reset-request-page',
  imports: [
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <div class="moi-narrow-page">
      <mat-card appearance="outlined">
        <mat-card-content>
          <h1 class="moi-page-title">
            {{ 'passwordReset.request.title' | translate }}
          </h1>
          @if (sent()) {
            <p
              class="moi-alert moi-alert-success"
              role="status"
              data-testid="password-reset-sent"
            >
              {{ 'passwordReset.request.sent' | translate }}
            </p>
            <a routerLink="/sign-in">{{ 'common.backToSignIn' | translate }}</a>
          } @else {
            <p class="moi-muted">
              {{ 'passwordReset.request.intro' | translate }}
            </p>
            <form
              class="moi-form"
              [formGroup]="form"
              (ngSubmit)="submit()"
              novalidate
            >
              <mat-form-field>
                <mat-label>{{ 'fields.email' | translate }}</mat-label>
                <input
                  matInput
                  type="email"
                  formControlName="email"
                  autocomplete="email"
                  required
                  data-testid="password-reset-email"
                />
                @if (form.controls.email.hasError('required')) {
                  <mat-error>{{
                    'validation.emailRequired' | translate
                  }}</mat-error>
                } @else if (form.controls.email.hasError('email')) {
                  <mat-error>{{
                    'validation.emailInvalid' | translate
                  }}</mat-error>
                }
              </mat-form-field>
              <moi-form-error [message]="error()" />
              <div class="moi-form-actions">
                <button
                  matButton="filled"
                  type="submit"
                  [disabled]="sending()"
                  data-testid="password-reset-submit"
                >
                  {{ 'passwordReset.request.submit' | translate }}
                </button>
                <a routerLink="/sign-in">{{
                  'common.backToSignIn' | translate
                }}</a>
              </div>
            </form>
          }
        </mat-card-content>
      </mat-card>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordResetRequestPageComponent {
  private readonly auth = inject(AuthService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly sending = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);

  protected submit(): void {
    if (this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    this.auth
      .requestPasswordReset({ email: this.form.controls.email.value.trim() })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: () => this.sent.set(true),
        error: (error: unknown) => this.error.set(describeFormError(error)),
      });
  }
}
