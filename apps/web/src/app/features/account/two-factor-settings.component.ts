import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, finalize, switchMap, tap } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { describeFormError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { confirmAction } from '../../shared/ui/confirm';
import { AccountService } from './account.service';
import { RecoveryCodesComponent } from './recovery-codes.component';

/**
 * Two-factor on the account page: whether it is on, turning it on, new recovery codes, and turning
 * it off (employer users only: the firm requires it of its staff, so they get no such button).
 */
@Component({
  selector: 'moi-two-factor-settings',
  imports: [
    FormErrorComponent,
    MatAnchor,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    RecoveryCodesComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './two-factor-settings.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorSettingsComponent {
  private readonly account = inject(AccountService);
  private readonly dialog = inject(MatDialog);
  protected readonly session = inject(SessionStore);

  protected readonly enabled = computed(
    () => this.session.user()?.totpEnabled === true,
  );
  /** Firm staff must keep two-factor. */
  protected readonly mayDisable = computed(
    () => this.enabled() && !this.session.isFirm(),
  );
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly disabling = signal(false);
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected readonly disableForm = inject(NonNullableFormBuilder).group({
    password: ['', Validators.required],
  });

  protected regenerate(): void {
    confirmAction(this.dialog, {
      title: { key: 'account.twoFactor.regenerateConfirm.title' },
      message: { key: 'account.twoFactor.regenerateConfirm.message' },
      confirm: { key: 'account.twoFactor.regenerate' },
    })
      .pipe(
        filter(Boolean),
        tap(() => {
          this.sending.set(true);
          this.error.set(null);
          this.notice.set(null);
        }),
        switchMap(() =>
          this.account
            .regenerateRecoveryCodes()
            .pipe(finalize(() => this.sending.set(false))),
        ),
      )
      .subscribe({
        next: ({ recoveryCodes }) => this.recoveryCodes.set(recoveryCodes),
        error: (error: unknown) => this.error.set(describeFormError(error)),
      });
  }

  protected startDisabling(): void {
    this.disabling.set(true);
    this.error.set(null);
    this.notice.set(null);
  }

  protected cancelDisabling(): void {
    this.disabling.set(false);
    this.disableForm.reset();
    this.error.set(null);
  }

  protected disable(): void {
    if (this.disableForm.invalid || this.sending()) {
      this.disableForm.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    this.account
      .disableTotp({ password: this.disableForm.controls.password.value })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: () => {
          const user = this.session.user();
          if (user) {
            this.session.updateUser({ ...user, totpEnabled: false });
          }
          this.disabling.set(false);
          this.disableForm.reset();
          this.recoveryCodes.set(null);
          this.notice.set('account.twoFactor.disabledNotice');
        },
        error: (error: unknown) => this.error.set(describeFormError(error)),
      });
  }
}
