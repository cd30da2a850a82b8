import { HttpException } from '@nestjs/common';
import { ApiErrorCode, ApiErrorDetail } from '@moisson/contract';
import { LocalizedText, localize } from './localized-text';

/** One detail of an error, its message in both languages (extra fields are sent as they are). */
export type ApiExceptionDetail = Omit<ApiErrorDetail, 'message'> & {
  message: LocalizedText;
  [extra: string]: unknown;
};

/**
 * An error meant for the client: a status, a stable code, a message a person can act on. The message
 * and details are given in French and English; `ApiExceptionFilter` answers in the caller's language.
 * A plain string is the same in both languages.
 */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ApiErrorCode,
    readonly localizedMessage: LocalizedText,
    readonly details?: ApiExceptionDetail[],
  ) {
    super({ code, message: localizedMessage, details }, status);
    // Logs and stack traces read English.
    this.message = localize(localizedMessage, 'en');
  }
}
