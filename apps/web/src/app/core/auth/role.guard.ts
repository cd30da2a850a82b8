import { inject } from '@angular/core';
import { CanActivateFn, RedirectCommand, Router } from '@angular/router';
import { Permission } from '@moisson/contract';
import { map } from 'rxjs';
import { NOT_FOUND_PATH, pendingStepTree } from './auth-navigation';
import { SessionStore } from './session.store';

/**
 * Opens the route to signed-in users whose role grants `permission` (`ROLE_PERMISSIONS` of the
 * contract, the same table the API applies). Others see "page not found" at the same address, as
 * the API answers 404 rather than telling what exists; signed-out visitors go to the sign-in page.
 */
export function roleGuard(permission: Permission): CanActivateFn {
  return (_route, state) => {
    const session = inject(SessionStore);
    const router = inject(Router);
    return session.ensureLoaded().pipe(
      map(() => {
        if (!session.signedIn()) {
          return pendingStepTree(router, session.phase(), state.url);
        }
        return session.can(permission)
          ? true
          : new RedirectCommand(router.parseUrl(NOT_FOUND_PATH), {
              browserUrl: state.url,
            });
      }),
    );
  };
}
