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
  Locale,
} from '@moisson/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiExceptionDetail } from './api-exception';
import { BilingualText, isLocalizedText, localize } from './localized-text';
import { requestLanguage } from './request-language';
import { SpaFallback } from './spa-fallback';

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: API_ERROR_CODES.BAD_REQUEST,
  401: API_ERROR_CODES.UNAUTHENTICATED,
  403: API_ERROR_CODES.FORBIDDEN,
  404: API_ERROR_CODES.NOT_FOUND,
  409: API_ERROR_CODES.CONFLICT,
  413: API_ERROR_CODES.PAYLOAD_TOO_LARGE,
  415: API_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE,
  422: API_ERROR_CODES.UNPROCESSABLE,
  429: API_ERROR_CODES.TOO_MANY_REQUESTS,
  503: API_ERROR_CODES.SERVICE_UNAVAILABLE,
};

const DEFAULT_MESSAGE: Record<number, BilingualText> = {
  400: {
    fr: 'La requête est mal formée : vérifiez son JSON et ses champs.',
    en: 'The request is malformed: check its JSON and fields.',
  },
  401: { fr: "Connectez-vous d'abord.", en: 'Sign in first.' },
  403: {
    fr: "Votre compte n'est pas autorisé à faire cela.",
    en: 'Your account is not allowed to do this.',
  },
  404: {
    fr: "Rien n'a été trouvé à cette adresse.",
    en: 'Nothing was found at this address.',
  },
  413: {
    fr: 'La requête est trop volumineuse.',
    en: 'The request is too large.',
  },
  415: {
    fr: 'Envoyez le corps de la requête en JSON (Content-Type: application/json).',
    en: 'Send the request body as JSON (Content-Type: application/json).',
  },
  429: {
    fr: 'Trop de requêtes : patientez un instant puis réessayez.',
    en: 'Too many requests: wait a moment and try again.',
  },
};

const INTERNAL_ERROR_MESSAGE: BilingualText = {
  fr: "Une erreur s'est produite de notre côté. Réessayez ; si elle persiste, contactez le support en indiquant l'identifiant de la requête.",
  en: 'Something went wrong on our side. Try again; if it persists, contact support with the request id.',
};

const INVALID_JSON_MESSAGE: BilingualText = {
  fr: "Le corps de la requête n'est pas du JSON valide : vérifiez les guillemets, les virgules et les crochets.",
  en: 'The request body is not valid JSON: check quotes, commas and brackets.',
};

const REFUSED_MESSAGE: BilingualText = {
  fr: 'La requête a été refusée.',
  en: 'The request was refused.',
};

/**
 * Turns every error into the one JSON error shape, its message in the caller's language
 * (`requestLanguage`). Stack traces go to the log, never to the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly spa?: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    this.respond(
      exception,
      ctx.getRequest<FastifyRequest>(),
      ctx.getResponse<FastifyReply>(),
    );
  }

  /**
   * Also Fastify's own error handler (create-app.ts): errors raised before a route runs, such as a body
   * that is not valid JSON or a content type no parser accepts, get the same shape.
   */
  respond(
    exception: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
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
      ...describe(exception, status, requestLanguage(request)),
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
  language: Locale,
): { code: string; message: string; details?: ApiErrorDetail[] } {
  if (status >= 500 && !(exception instanceof HttpException)) {
    return {
      code: API_ERROR_CODES.INTERNAL_ERROR,
      message: localize(INTERNAL_ERROR_MESSAGE, language),
    };
  }
  const fastifyCode = (exception as { code?: unknown })?.code;
  if (
    fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return {
      code: API_ERROR_CODES.BAD_REQUEST,
      message: localize(INVALID_JSON_MESSAGE, language),
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
        message: unknown;
        details?: ApiExceptionDetail[];
      };
      return {
        code: r.code,
        message: isLocalizedText(r.message)
          ? localize(r.message, language)
          : String(r.message),
        ...(r.details
          ? {
              details: r.details.map((d) => ({
                ...d,
                message: localize(d.message, language),
              })),
            }
          : {}),
      };
    }
    if (status === 404) {
      return { code, message: localize(DEFAULT_MESSAGE[404], language) };
    }
    const message =
      typeof response === 'string'
        ? response
        : (response as { message?: unknown }).message;
    // Nest hands Fastify's body parse errors over as an HttpException with Fastify's own words.
    if (
      status === 400 &&
      typeof message === 'string' &&
      /not valid JSON|Unexpected .* JSON|JSON at position/i.test(message)
    ) {
      return { code, message: localize(INVALID_JSON_MESSAGE, language) };
    }
    // Nest's own exceptions speak English: in French, prefer our message for the status.
    const fallback = DEFAULT_MESSAGE[status];
    return {
      code,
      message:
        fallback && (language === 'fr' || typeof message !== 'string')
          ? localize(fallback, language)
          : typeof message === 'string'
            ? message
            : exception.message,
    };
  }
  // Another Fastify client error: its own message is technical, so prefer ours.
  return {
    code,
    message: localize(DEFAULT_MESSAGE[status] ?? REFUSED_MESSAGE, language),
  };
}
