import { Router, UrlTree } from '@angular/router';
import { SessionUser, isFirmRole } from '@moisson/contract';
import { SessionPhase } from './session.store';

export const SIGN_IN_PATH = '/sign-in';
export const TWO_FACTOR_ENROLMENT_PATH = '/account/two-factor';
export const NOT_FOUND_PATH = '/not-found';
export const EMPLOYER_HOME_PATH = '/tableau-de-bord';
/** The firm console's employers overview. */
export const FIRM_HOME_PATH = '/firm/overview';

/** Where a user lands after signing in when no page asked for it. */
export function roleHome(user: Pick<SessionUser, 'role'>): string {
  return isFirmRole(user.role) ? FIRM_HOME_PATH : EMPLOYER_HOME_PATH;
}

/**
 * A `returnUrl` the portal may follow: a path of this site (never another origin, `//host` or
 * `/\host`), and not a step of signing in itself.
 */
export function safeReturnUrl(value: unknown): string | null {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    value.startsWith(SIGN_IN_PATH) ||
    value.startsWith(TWO_FACTOR_ENROLMENT_PATH)
  ) {
    return null;
  }
  return value;
}

/**
 * Where someone who may not open `returnUrl` yet must go first: the sign-in page (also for the TOTP
 * step), or the two-factor enrolment that firm staff must finish.
 */
export function pendingStepTree(
  router: Router,
  phase: SessionPhase,
  returnUrl: string | null,
): UrlTree {
  const target =
    phase === 'totp_enrolment_required'
      ? TWO_FACTOR_ENROLMENT_PATH
      : SIGN_IN_PATH;
  const safe = safeReturnUrl(returnUrl);
  return router.createUrlTree([target], {
    queryParams: safe && safe !== '/' ? { returnUrl: safe } : {},
  });
}

/** After every step of signing in: the page asked for, or the home of the user's role. */
export function afterSignInUrl(
  user: Pick<SessionUser, 'role'>,
  returnUrl: unknown,
): string {
  return safeReturnUrl(returnUrl) ?? roleHome(user);
}
