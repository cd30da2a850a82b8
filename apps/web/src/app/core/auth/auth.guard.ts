import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';
import { pendingStepTree } from './auth-navigation';
import { SessionStore } from './session.store';

/**
 * Opens the route to a signed-in user (password and two-factor done). Anyone else goes to the
 * sign-in page (or the TOTP step, or the two-factor enrolment) with `?returnUrl=` to come back.
 */
export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return session
    .ensureLoaded()
    .pipe(
      map(() =>
        session.signedIn()
          ? true
          : pendingStepTree(router, session.phase(), state.url),
      ),
    );
};
