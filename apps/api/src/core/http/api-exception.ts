import { HttpException } from '@nestjs/common';
import { ApiErrorCode, ApiErrorDetail } from '@moisson/contract';

/** An error meant for the client: a status, a stable code, a message a person can act on. */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ApiErrorDetail[],
  ) {
    super({ code, message, details }, status);
  }
}
