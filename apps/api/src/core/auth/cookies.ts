import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppConfig } from '../config/app-config';

export const SESSION_COOKIE = 'moisson_session';
/** Angular's HttpClient reads this cookie and sends its value back as X-XSRF-TOKEN. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

/** httpOnly, SameSite, Secure outside development. */
export function sessionCookieOptions(
  config: AppConfig,
): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.NODE_ENV !== 'development',
    path: '/',
    maxAge: config.SESSION_ABSOLUTE_HOURS * 3600,
  };
}

/** Readable by the page's script (double-submit), never sent cross-site. */
export function csrfCookieOptions(config: AppConfig): CookieSerializeOptions {
  return {
    httpOnly: false,
    sameSite: 'strict',
    secure: config.NODE_ENV !== 'development',
    path: '/',
  };
}
