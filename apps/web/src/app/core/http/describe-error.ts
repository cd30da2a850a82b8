import { TranslatableMessage } from '../i18n/translatable-message';
import { ApiRequestError } from './api-request-error';

/** The sentence to show a person for any error thrown by an HTTP call. */
export function describeError(error: unknown): TranslatableMessage {
  if (!(error instanceof ApiRequestError)) {
    return { key: 'errors.unknown' };
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
