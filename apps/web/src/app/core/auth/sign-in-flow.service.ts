import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { SessionResponse } from '@moisson/contract';
import { LanguageService } from '../i18n/language.service';
import {
  SIGN_IN_PATH,
  TWO_FACTOR_ENROLMENT_PATH,
  afterSignInUrl,
  safeReturnUrl,
} from './auth-navigation';
import { SessionStore } from './session.store';

/**
 * What happens once the API has answered a sign-in (password, TOTP code, accepted invitation or
 * finished enrolment) with a session: keep it, and take the user to the next step or on to the page
 * they asked for, in the language of their account.
 */
@Injectable({ providedIn: 'root' })
export class SignInFlowService {
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);

  proceed(session: SessionResponse, returnUrl: unknown): Promise<boolean> {
    this.session.set(session);
    const safe = safeReturnUrl(returnUrl);
    const queryParams = safe ? { returnUrl: safe } : {};
    switch (session.status) {
      case 'totp_required':
        return this.router.navigate([SIGN_IN_PATH], { queryParams });
      case 'totp_enrolment_required':
        return this.router.navigate([TWO_FACTOR_ENROLMENT_PATH], {
          queryParams,
        });
      case 'signed_in': {
        if (session.user.locale !== this.language.current()) {
          this.language.use(session.user.locale);
        }
        const target = afterSignInUrl(session.user, returnUrl);
        if (target === '/account') {
          this.session.greet();
        }
        return this.router.navigateByUrl(target);
      }
    }
  }
}
