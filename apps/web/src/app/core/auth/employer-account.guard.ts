import { inject } from '@angular/core';
import { CanActivateFn, RedirectCommand, Router } from '@angular/router';
import { map } from 'rxjs';
import { NOT_FOUND_PATH, pendingStepTree } from './auth-navigation';
import { SessionStore } from './session.store';

/**
 * Opens the route to signed-in users of an employer (their pages work on `user.employerId`; every
 * employer role may read its employer). Firm staff reach an employer's pages from its firm page
 * instead, so they see "page not found" here; signed-out visitors go to the sign-in page.
 */
export const employerAccountGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return session.ensureLoaded().pipe(
    map(() => {
      if (!session.signedIn()) {
        return pendingStepTree(router, session.phase(), state.url);
      }
      return session.user()?.employerId
        ? true
        : new RedirectCommand(router.parseUrl(NOT_FOUND_PATH), {
            browserUrl: state.url,
          });
    }),
  );
};
