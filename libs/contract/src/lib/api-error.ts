/**
 * The one JSON shape of every 4xx and 5xx answer of the API.
 * `code` is stable (clients may branch on it); `message` is written for a person.
 */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable, upper snake case: VALIDATION_FAILED, NOT_FOUND, INTERNAL_ERROR... */
  code: string;
  /**
   * What went wrong and what to do about it, in plain words, in the caller's language: the signed-in
   * user's locale, else the first of fr or en in Accept-Language, else French.
   */
  message: string;
  /** Optional structured details, e.g. one entry per invalid field. */
  details?: ApiErrorDetail[];
  /** The request id, also logged server side, to quote when asking for help. */
  requestId?: string;
}

export interface ApiErrorDetail {
  /** Dotted path of the offending field, when the error is about one. */
  field?: string;
  message: string;
}

export const API_ERROR_CODES = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The e-mail and password are right but the account is disabled: only an administrator can help. */
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  FORBIDDEN: 'FORBIDDEN',
  /** The X-XSRF-TOKEN header does not match the XSRF-TOKEN cookie: reload the page. */
  CSRF_REJECTED: 'CSRF_REJECTED',
  /** Signed in with a password; the two-factor step (or enrolment) is still due. */
  TOTP_REQUIRED: 'TOTP_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE: 'UNPROCESSABLE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

export type ApiErrorCode =
  (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];
