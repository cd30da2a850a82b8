import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';
import { TWO_FACTOR_ENROLMENT_PATH, afterSignInUrl } from './auth-navigation';
import { SessionStore } from './session.store';

/**
 * The sign-in page: open while signed out or at the TOTP step; a signed-in user goes on to the page
 * they asked for (or their home), and one who must set up two-factor goes to the enrolment.
 */
export const guestGuard: CanActivateFn = (route) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return session.ensureLoaded().pipe(
    map(() => {
      const user = session.user();
      const returnUrl: unknown = route.queryParamMap.get('returnUrl');
      if (user && session.phase() === 'signed_in') {
        return router.parseUrl(afterSignInUrl(user, returnUrl));
      }
      if (session.phase() === 'totp_enrolment_required') {
        return router.createUrlTree([TWO_FACTOR_ENROLMENT_PATH], {
          queryParams: route.queryParams,
        });
      }
      return true;
    }),
  );
};
