import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';
import { pendingStepTree } from './auth-navigation';
import { SessionStore } from './session.store';

/**
 * The two-factor enrolment: open to signed-in users, and to firm staff whose password was accepted
 * but who must enrol before anything else.
 */
export const twoFactorEnrolmentGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return session.ensureLoaded().pipe(
    map(() => {
      const phase = session.phase();
      return phase === 'signed_in' || phase === 'totp_enrolment_required'
        ? true
        : pendingStepTree(router, phase, state.url);
    }),
  );
};
