import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
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
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TotpSetupResponse } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { afterSignInUrl } from '../../core/auth/auth-navigation';
import { SessionStore } from '../../core/auth/session.store';
import {
  describeError,
  describeFormError,
} from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { AccountService } from './account.service';
import { RecoveryCodesComponent } from './recovery-codes.component';
import { SignOutService } from '../../core/auth/sign-out.service';

type EnrolmentState =
  | { kind: 'loading' }
  | { kind: 'alreadyOn' }
  | { kind: 'scan'; setup: TotpSetupResponse }
  | { kind: 'done'; recoveryCodes: string[] }
  | { kind: 'failed'; message: TranslatableMessage };

/** The secret in groups of four, easier to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * `/account/two-factor`: turns two-factor on. Scan the QR code (or type the key), confirm with a
 * code, then keep the recovery codes shown once. Firm staff are sent here after their password
 * until they have done it.
 */
@Component({
  selector: 'moi-two-factor-enrolment-page',
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
    MatProgressBar,
    ReactiveFormsModule,
    RecoveryCodesComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './two-factor-enrolment-page.component.html',
  styleUrl: './two-factor-enrolment-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorEnrolmentPageComponent implements OnInit {
  private readonly account = inject(AccountService);
  private readonly router = inject(Router);
  private readonly signOut = inject(SignOutService);
  protected readonly session = inject(SessionStore);

  /** The page to open once done (`?returnUrl=`). */
  readonly returnUrl = input<string>();

  protected readonly state = signal<EnrolmentState>({ kind: 'loading' });
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  /** Firm staff who cannot go anywhere else before enrolling. */
  protected readonly required = computed(
    () => this.session.phase() === 'totp_enrolment_required',
  );
  protected readonly groupSecret = groupSecret;

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\s*(\d\s*){6}$/)]],
  });

  ngOnInit(): void {
    if (this.session.user()?.totpEnabled && this.session.signedIn()) {
      this.state.set({ kind: 'alreadyOn' });
      return;
    }
    this.account.setUpTotp().subscribe({
      next: (setup) => this.state.set({ kind: 'scan', setup }),
      error: (error: unknown) =>
        this.state.set({ kind: 'failed', message: describeError(error) }),
    });
  }

  protected enable(): void {
    if (this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    this.account
      .enableTotp({ code: this.form.controls.code.value.replace(/\s+/g, '') })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: ({ recoveryCodes }) => {
          this.state.set({ kind: 'done', recoveryCodes });
          const current = this.session.session();
          if (current) {
            // The API has turned the session into a full one; reflect it at once, then re-read it.
            this.session.set({
              ...current,
              status: 'signed_in',
              user: { ...current.user, totpEnabled: true },
            });
          }
          this.session.refresh().subscribe();
        },
        error: (error: unknown) => {
          this.error.set(describeFormError(error));
          this.form.controls.code.reset();
        },
      });
  }

  protected continue(): void {
    const user = this.session.user();
    void this.router.navigateByUrl(
      user ? afterSignInUrl(user, this.returnUrl()) : '/',
    );
  }

  protected leave(): void {
    this.signOut.signOut();
  }
}
