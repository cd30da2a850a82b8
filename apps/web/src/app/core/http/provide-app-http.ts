import {
  provideHttpClient,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import { EnvironmentProviders } from '@angular/core';
import { authRedirectInterceptor } from '../auth/auth-redirect.interceptor';
import { acceptLanguageInterceptor } from './accept-language.interceptor';
import { apiErrorInterceptor } from './api-error.interceptor';

/** The cookie the API sets, and the header every POST/PATCH/PUT/DELETE must echo it in. */
export const XSRF_COOKIE_NAME = 'XSRF-TOKEN';
export const XSRF_HEADER_NAME = 'X-XSRF-TOKEN';

/**
 * HttpClient as the portal uses it: XMLHttpRequest (Angular's default backend; fetch cannot report
 * upload progress, which the document uploads show per file), Angular's XSRF protection with the API's cookie and
 * header names (same-origin relative URLs only), then the interceptors (outermost first: the
 * redirect sees the `ApiRequestError` made by `apiErrorInterceptor`).
 */
export function provideAppHttp(): EnvironmentProviders {
  return provideHttpClient(
    withXsrfConfiguration({
      cookieName: XSRF_COOKIE_NAME,
      headerName: XSRF_HEADER_NAME,
    }),
    withInterceptors([
      acceptLanguageInterceptor,
      authRedirectInterceptor,
      apiErrorInterceptor,
    ]),
  );
}
