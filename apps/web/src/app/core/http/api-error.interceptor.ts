import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { catchError, throwError } from 'rxjs';
import { ApiRequestError } from './api-request-error';

export const API_PREFIX = '/api/';

/** Turns every failed `/api` call into an `ApiRequestError`, whose message a person can read. */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith(API_PREFIX)) {
    return next(request);
  }
  return next(request).pipe(
    catchError((error: unknown) =>
      throwError(() =>
        error instanceof HttpErrorResponse
          ? ApiRequestError.fromHttpErrorResponse(error)
          : error,
      ),
    ),
  );
};
