import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import {
  API_ERROR_CODES,
  ApiErrorBody,
  ApiErrorCode,
  ApiErrorDetail,
} from '@moisson/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SpaFallback } from './spa-fallback';

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: API_ERROR_CODES.BAD_REQUEST,
  401: API_ERROR_CODES.UNAUTHENTICATED,
  403: API_ERROR_CODES.FORBIDDEN,
  404: API_ERROR_CODES.NOT_FOUND,
  409: API_ERROR_CODES.CONFLICT,
  413: API_ERROR_CODES.PAYLOAD_TOO_LARGE,
  422: API_ERROR_CODES.UNPROCESSABLE,
  429: API_ERROR_CODES.TOO_MANY_REQUESTS,
  503: API_ERROR_CODES.SERVICE_UNAVAILABLE,
};

const DEFAULT_MESSAGE: Record<number, string> = {
  400: 'The request is malformed: check its JSON and fields.',
  401: 'Sign in first.',
  403: 'Your account is not allowed to do this.',
  404: 'Nothing was found at this address.',
  413: 'The request is too large.',
  415: 'Send the request body as JSON (Content-Type: application/json).',
  429: 'Too many requests: wait a moment and try again.',
};

/**
 * Turns every error into the one JSON error shape. Stack traces go to the log, never to the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly spa?: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const requestId = String(
      (request.raw as { id?: unknown }).id ?? request.id,
    );

    const status = statusOf(exception);
    if (status === 404 && this.spa?.handles(request)) {
      this.spa.send(reply);
      return;
    }
    const body: ApiErrorBody = {
      statusCode: status,
      ...describe(exception, status),
      requestId,
    };
    if (status >= 500) {
      this.logger.error(
        { err: exception, requestId, url: request.url, method: request.method },
        'Unhandled error',
      );
    }
    const retryAfter = (exception as { retryAfterSeconds?: unknown })
      ?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') {
      void reply.header('retry-after', String(retryAfter));
    }
    void reply
      .status(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  // Errors raised by Fastify itself (bad JSON, body too large, wrong content type) carry a 4xx status.
  const status = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return status;
  return 500;
}

function describe(
  exception: unknown,
  status: number,
): { code: string; message: string; details?: ApiErrorDetail[] } {
  if (status >= 500 && !(exception instanceof HttpException)) {
    return {
      code: API_ERROR_CODES.INTERNAL_ERROR,
      message:
        'Something went wrong on our side. Try again; if it persists, contact support with the request id.',
    };
  }
  const fastifyCode = (exception as { code?: unknown })?.code;
  if (
    fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return {
      code: API_ERROR_CODES.BAD_REQUEST,
      message:
        'The request body is not valid JSON: check quotes, commas and brackets.',
    };
  }
  const code =
    CODE_BY_STATUS[status] ??
    (status >= 500
      ? API_ERROR_CODES.INTERNAL_ERROR
      : API_ERROR_CODES.BAD_REQUEST);
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (
      typeof response === 'object' &&
      response !== null &&
      'code' in response
    ) {
      const r = response as {
        code: string;
        message: string;
        details?: ApiErrorDetail[];
      };
      return {
        code: r.code,
        message: r.message,
        ...(r.details ? { details: r.details } : {}),
      };
    }
    if (status === 404) {
      return { code, message: DEFAULT_MESSAGE[404] };
    }
    const message =
      typeof response === 'string'
        ? response
        : (response as { message?: unknown }).message;
    return {
      code,
      message:
        typeof message === 'string'
          ? message
          : (DEFAULT_MESSAGE[status] ?? exception.message),
    };
  }
  // Another Fastify client error: its own message is technical, so prefer ours.
  return {
    code,
    message: DEFAULT_MESSAGE[status] ?? 'The request was refused.',
  };
}
