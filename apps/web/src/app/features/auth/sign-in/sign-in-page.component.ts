import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { SessionStore } from '../../../core/auth/session.store';
import { SignInFlowService } from '../../../core/auth/sign-in-flow.service';
import { describeFormError } from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../../shared/forms/form-error.component';

/** A 6-digit code from the authenticator app; spaces typed to group the digits are ignored. */
const TOTP_CODE = /^\s*(\d\s*){6}$/;

/**
 * `/sign-in`: e-mail and password, then (when the account has two-factor) the 6-digit code or a
 * recovery code. Then on to `?returnUrl=` or the home of the user's role.
 */
@Component({
  selector: 'moi-sign-in-page',
  imports: [
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './sign-in-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPageComponent {
  private readonly auth = inject(AuthService);
  private readonly session = inject(SessionStore);
  private readonly flow = inject(SignInFlowService);
  private readonly forms = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  /** The page to open once signed in (`?returnUrl=`). */
  readonly returnUrl = input<string>();

  protected readonly step = computed(() =>
    this.session.phase() === 'totp_required' ? 'totp' : 'password',
  );
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  protected readonly useRecoveryCode = signal(false);

  protected readonly passwordForm = this.forms.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly codeForm = this.forms.group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE)]],
  });

  private readonly codeInput =
    viewChild<ElementRef<HTMLInputElement>>('codeInput');

  constructor() {
    // Move the focus to the code as soon as the second step shows.
    effect(() => {
      if (this.step() === 'totp') {
        this.focusCode();
      }
    });
  }

  protected signIn(): void {
    if (this.passwordForm.invalid || this.sending()) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const { email, password } = this.passwordForm.getRawValue();
    this.send(this.auth.login({ email: email.trim(), password }));
  }

  protected verifyCode(): void {
    if (this.codeForm.invalid || this.sending()) {
      this.codeForm.markAllAsTouched();
      return;
    }
    const raw = this.codeForm.controls.code.value;
    const code = this.useRecoveryCode() ? raw.trim() : raw.replace(/\s+/g, '');
    this.send(this.auth.loginWithTotp({ code }), () => this.codeForm.reset());
  }

  protected toggleRecoveryCode(): void {
    const recovery = !this.useRecoveryCode();
    this.useRecoveryCode.set(recovery);
    const control = this.codeForm.controls.code;
    control.setValidators(
      recovery
        ? [Validators.required]
        : [Validators.required, Validators.pattern(TOTP_CODE)],
    );
    control.reset();
    this.error.set(null);
    this.focusCode();
  }

  /** Leaves the TOTP step: ends the half-open session and asks for the e-mail and password again. */
  protected startOver(): void {
    this.sending.set(true);
    this.auth
      .logout()
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        // Signed out either way: the half-open session expires on its own.
        next: () => this.restart(),
        error: () => this.restart(),
      });
  }

  private restart(): void {
    this.session.clear();
    this.passwordForm.controls.password.reset();
    this.codeForm.reset();
    this.useRecoveryCode.set(false);
    this.error.set(null);
  }

  private focusCode(): void {
    afterNextRender(() => this.codeInput()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }

  private send(
    request: ReturnType<AuthService['login']>,
    onFailure?: () => void,
  ): void {
    this.sending.set(true);
    this.error.set(null);
    request.pipe(finalize(() => this.sending.set(false))).subscribe({
      next: (session) => {
        if (session.status === 'totp_required') {
          this.passwordForm.controls.password.reset();
        }
        void this.flow.proceed(session, this.returnUrl());
      },
      error: (error: unknown) => {
        this.error.set(describeFormError(error));
        onFailure?.();
      },
    });
  }
}
