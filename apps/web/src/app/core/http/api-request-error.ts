import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody } from '@moisson/contract';

/**
 * - `unreachable`: no answer from the API at all (network error, or a proxy/gateway answering for it);
 * - `api`: the API answered with its `ApiErrorBody`;
 * - `unexpected`: the API answered with something else.
 */
export type ApiRequestErrorKind = 'unreachable' | 'api' | 'unexpected';

/** Gateway statuses that a proxy (dev server, load balancer) sends when the API does not answer. */
const GATEWAY_STATUSES = new Set([500, 502, 503, 504]);

/** What every failed `/api` call turns into (see `apiErrorInterceptor`). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly kind: ApiRequestErrorKind,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** The API's error body, when it sent one. */
    readonly apiError: ApiErrorBody | null,
    /** The raw response body, for endpoints whose error answers carry data (e.g. a 503 health report). */
    readonly body: unknown,
    message: string,
    /** The `Retry-After` header of a 429 or 503 answer (seconds, or an HTTP date), when sent. */
    readonly retryAfter: string | null = null,
  ) {
    super(message);
  }

  /** The API's stable error code (`UNAUTHENTICATED`, `CONFLICT`...), when it sent its error body. */
  get code(): string | null {
    return this.apiError?.code ?? null;
  }

  static fromHttpErrorResponse(response: HttpErrorResponse): ApiRequestError {
    const body: unknown = response.error;
    if (isApiErrorBody(body)) {
      return new ApiRequestError(
        'api',
        response.status,
        body,
        body,
        body.message,
        response.headers?.get('Retry-After') ?? null,
      );
    }
    if (
      response.status === 0 ||
      (GATEWAY_STATUSES.has(response.status) && !isParsedJson(body))
    ) {
      return new ApiRequestError(
        'unreachable',
        response.status,
        null,
        body,
        `API unreachable (${response.status}) for ${response.url ?? 'request'}`,
      );
    }
    return new ApiRequestError(
      'unexpected',
      response.status,
      null,
      body,
      `Unexpected HTTP ${response.status} for ${response.url ?? 'request'}`,
    );
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const candidate = value as Partial<ApiErrorBody>;
  return (
    typeof candidate.statusCode === 'number' &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string'
  );
}

/** True for what a JSON body parses into (plain object or array), false for text, errors or events. */
function isParsedJson(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)
  );
}
