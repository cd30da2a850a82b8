import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API_ERROR_CODES } from '@moisson/contract';
import { tap } from 'rxjs';
import { API_PREFIX } from '../http/api-error.interceptor';
import { ApiRequestError } from '../http/api-request-error';
import { SIGN_IN_PATH, pendingStepTree } from './auth-navigation';
import { SessionStore } from './session.store';
import { SKIP_AUTH_REDIRECT } from './skip-auth-redirect';

const AUTH_PREFIX = '/api/auth/';

/**
 * When the API says the session is over (401) or that a sign-in step is missing (403
 * `TOTP_REQUIRED`), takes the user to the sign-in page, the TOTP step or the two-factor enrolment,
 * with `?returnUrl=` to come back to the page they were on. The error still reaches the caller.
 *
 * Not for `/api/auth/*` (a 401 there is a wrong password or code, or simply "nobody signed in") nor
 * for requests marked with `SKIP_AUTH_REDIRECT`. Runs outside `apiErrorInterceptor`, so it sees
 * `ApiRequestError`s.
 */
export const authRedirectInterceptor: HttpInterceptorFn = (request, next) => {
  if (
    !request.url.startsWith(API_PREFIX) ||
    request.url.startsWith(AUTH_PREFIX) ||
    request.context.get(SKIP_AUTH_REDIRECT)
  ) {
    return next(request);
  }
  const session = inject(SessionStore);
  const router = inject(Router);
  return next(request).pipe(
    tap({
      error: (error: unknown) => {
        if (!(error instanceof ApiRequestError)) {
          return;
        }
        const returnUrl = router.url;
        if (error.status === 401) {
          session.clear();
          if (!returnUrl.startsWith(SIGN_IN_PATH)) {
            void router.navigateByUrl(
              pendingStepTree(router, 'anonymous', returnUrl),
            );
          }
        } else if (
          error.status === 403 &&
          error.code === API_ERROR_CODES.TOTP_REQUIRED
        ) {
          session.refresh().subscribe(() => {
            void router.navigateByUrl(
              pendingStepTree(router, session.phase(), returnUrl),
            );
          });
        }
      },
    }),
  );
};
