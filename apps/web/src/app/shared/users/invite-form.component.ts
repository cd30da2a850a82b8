import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
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
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { InvitationResponse, Locale, UserRole } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, finalize } from 'rxjs';
import { describeFormError } from '../../core/http/describe-error';
import { APP_LANGUAGES } from '../../core/i18n/app-language';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { ParisDatePipe } from '../date/paris-date.pipe';
import { EMAIL_MAX_LENGTH } from '../forms/field-limits';
import { FormErrorComponent } from '../forms/form-error.component';
import { applyServerErrors } from '../forms/server-errors';

export interface InviteRequest<R extends UserRole = UserRole> {
  email: string;
  role: R;
  locale: Locale;
}

/**
 * Invites someone by e-mail with a role (and the language of the e-mail). `send` makes the call;
 * the form says when it went out and until when the link works.
 */
@Component({
  selector: 'moi-invite-form',
  imports: [
    FormErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ParisDatePipe,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './invite-form.component.html',
  styleUrl: './invite-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteFormComponent {
  private readonly language = inject(LanguageService);

  readonly roles = input.required<readonly UserRole[]>();
  readonly defaultRole = input<UserRole | null>(null);
  readonly send =
    input.required<
      (request: InviteRequest) => Observable<InvitationResponse>
    >();
  readonly invited = output<InvitationResponse>();

  protected readonly languages = APP_LANGUAGES;
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  protected readonly lastInvitation = signal<InvitationResponse | null>(null);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [
      '',
      [
        Validators.required,
        Validators.email,
        Validators.maxLength(EMAIL_MAX_LENGTH),
      ],
    ],
    role: ['' as UserRole | '', Validators.required],
    locale: [this.language.current() as Locale],
  });

  constructor() {
    effect(() => {
      const role = this.defaultRole() ?? this.roles()[0] ?? '';
      if (!this.form.controls.role.dirty) {
        this.form.controls.role.setValue(role);
      }
    });
  }

  protected submit(): void {
    if (this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, role, locale } = this.form.getRawValue();
    this.sending.set(true);
    this.error.set(null);
    this.lastInvitation.set(null);
    this.send()({ email: email.trim(), role: role as UserRole, locale })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: (invitation) => {
          this.lastInvitation.set(invitation);
          this.formDirective().resetForm({
            email: '',
            role,
            locale,
          });
          this.invited.emit(invitation);
        },
        error: (error: unknown) => {
          if (!applyServerErrors(this.form, error)) {
            this.error.set(describeFormError(error));
          }
        },
      });
  }
}
