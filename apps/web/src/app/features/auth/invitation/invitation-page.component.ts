import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { InvitationPreview, isFirmRole } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { SignInFlowService } from '../../../core/auth/sign-in-flow.service';
import { ApiRequestError } from '../../../core/http/api-request-error';
import {
  describeError,
  describeFormError,
} from '../../../core/http/describe-error';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../../shared/date/paris-date.pipe';
import { FULL_NAME_MAX_LENGTH } from '../../../shared/forms/field-limits';
import { FormErrorComponent } from '../../../shared/forms/form-error.component';
import {
  NEW_PASSWORD_VALIDATORS,
  NewPasswordFieldsComponent,
} from '../../../shared/forms/new-password-fields.component';
import { passwordsMatchValidator } from '../../../shared/forms/password.validators';
import { applyServerErrors } from '../../../shared/forms/server-errors';

/** Where a user lands after accepting an invitation: their account, with its welcome. */
const ACCOUNT_PATH = '/account';

type InvitationState =
  | { kind: 'loading' }
  | { kind: 'ready'; invitation: InvitationPreview }
  /** Unknown, used or expired: the API's message says which. */
  | { kind: 'gone'; message: TranslatableMessage }
  | { kind: 'failed'; message: TranslatableMessage };

/**
 * `/invitations/:token`: the link of an invitation e-mail. Shows who invites to what, then creates
 * the account (name and password) and signs it in; firm staff go on to the two-factor enrolment.
 */
@Component({
  selector: 'moi-invitation-page',
  imports: [
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    NewPasswordFieldsComponent,
    ParisDatePipe,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './invitation-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPageComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly flow = inject(SignInFlowService);
  private readonly language = inject(LanguageService);

  /** `:token` of the link. */
  readonly token = input.required<string>();

  protected readonly state = signal<InvitationState>({ kind: 'loading' });
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  protected readonly fullNameMaxLength = FULL_NAME_MAX_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      fullName: [
        '',
        [Validators.required, Validators.maxLength(FULL_NAME_MAX_LENGTH)],
      ],
      password: ['', NEW_PASSWORD_VALIDATORS],
      confirmation: ['', Validators.required],
    },
    { validators: passwordsMatchValidator() },
  );

  ngOnInit(): void {
    this.auth.getInvitation(this.token()).subscribe({
      next: (invitation) => this.state.set({ kind: 'ready', invitation }),
      error: (error: unknown) => this.state.set(stateForError(error)),
    });
  }

  protected accept(): void {
    if (this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { fullName, password } = this.form.getRawValue();
    this.sending.set(true);
    this.error.set(null);
    this.auth
      .acceptInvitation(this.token(), {
        fullName: fullName.trim(),
        password,
        locale: this.language.current(),
      })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        // A new employer user first sees their account (welcome, organisation) rather than the
        // dashboard; firm staff go on to their two-factor enrolment.
        next: (session) =>
          void this.flow.proceed(
            session,
            isFirmRole(session.user.role) ? null : ACCOUNT_PATH,
          ),
        error: (error: unknown) => {
          if (error instanceof ApiRequestError && error.status === 404) {
            this.state.set(stateForError(error));
          } else if (!applyServerErrors(this.form, error)) {
            this.error.set(describeFormError(error));
          }
        },
      });
  }
}

function stateForError(error: unknown): InvitationState {
  return error instanceof ApiRequestError && error.status === 404
    ? { kind: 'gone', message: describeFormError(error) }
    : { kind: 'failed', message: describeError(error) };
}
