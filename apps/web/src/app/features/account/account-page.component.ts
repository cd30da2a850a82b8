import {
  ChangeDetectionStrategy,
  Component,
  OnDestroy,
  inject,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { SignOutService } from '../../core/auth/sign-out.service';
import { ChangePasswordFormComponent } from './change-password-form.component';
import { ProfileFormComponent } from './profile-form.component';
import { TwoFactorSettingsComponent } from './two-factor-settings.component';

/** `/account` (mon compte): who I am, my name and language, my password, two-factor, sign out. */
@Component({
  selector: 'moi-account-page',
  imports: [
    ChangePasswordFormComponent,
    MatButton,
    MatCard,
    MatCardContent,
    ProfileFormComponent,
    RouterLink,
    TranslatePipe,
    TwoFactorSettingsComponent,
  ],
  templateUrl: './account-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPageComponent implements OnDestroy {
  protected readonly session = inject(SessionStore);
  protected readonly signOut = inject(SignOutService);

  ngOnDestroy(): void {
    this.session.dismissWelcome();
  }
}
