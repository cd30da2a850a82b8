import { API_ERROR_CODES } from '@moisson/contract';
import { TranslatableMessage } from '../i18n/translatable-message';
import {
  formatParisDate,
  formatParisTime,
} from '../../shared/date/paris-date-format';
import { ApiRequestError } from './api-request-error';
import { retryAfterInstant } from './retry-after';

/** The sentence to show a person for any error thrown by an HTTP call. */
export function describeError(error: unknown): TranslatableMessage {
  if (!(error instanceof ApiRequestError)) {
    return { key: 'errors.unknown' };
  }
  if (error.code === API_ERROR_CODES.CSRF_REJECTED) {
    return { key: 'errors.csrfRejected' };
  }
  switch (error.kind) {
    case 'unreachable':
      return { key: 'errors.unreachable' };
    case 'api':
      return error.apiError?.requestId
        ? {
            key: 'errors.apiWithReference',
            params: {
              message: error.apiError.message,
              requestId: error.apiError.requestId,
            },
          }
        : {
            key: 'errors.api',
            params: { message: error.apiError?.message ?? '' },
          };
    case 'unexpected':
      return { key: 'errors.unexpected', params: { status: error.status } };
  }
}

/**
 * The sentence to show next to a form whose submission failed. A refusal the person can fix (4xx)
 * is the API's own message, without the request reference meant for support; too many attempts
 * say when to try again (Paris time, from `Retry-After`); anything else is as `describeError`.
 */
export function describeFormError(
  error: unknown,
  now: number = Date.now(),
): TranslatableMessage {
  if (
    !(error instanceof ApiRequestError) ||
    error.kind !== 'api' ||
    error.code === API_ERROR_CODES.CSRF_REJECTED
  ) {
    return describeError(error);
  }
  if (error.status === 429) {
    const retryAt = retryAfterInstant(error.retryAfter, now);
    if (retryAt) {
      const time = formatParisTime(retryAt);
      const date = formatParisDate(retryAt);
      return date === formatParisDate(now)
        ? { key: 'errors.tooManyAttempts', params: { time } }
        : { key: 'errors.tooManyAttemptsOn', params: { date, time } };
    }
  }
  if (error.status >= 500) {
    return describeError(error);
  }
  return {
    key: 'errors.api',
    params: { message: error.apiError?.message ?? '' },
  };
}
