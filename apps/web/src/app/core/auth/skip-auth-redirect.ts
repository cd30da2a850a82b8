import { HttpContextToken } from '@angular/common/http';

/**
 * Set on a request whose 401 or `TOTP_REQUIRED` answer the caller handles itself (wrong password,
 * a public page offering to sign in), instead of being sent to the sign-in page.
 */
export const SKIP_AUTH_REDIRECT = new HttpContextToken<boolean>(() => false);
