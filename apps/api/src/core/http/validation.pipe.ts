import { ValidationError, ValidationPipe } from '@nestjs/common';
import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException, ApiExceptionDetail } from './api-exception';
import { BilingualText } from './localized-text';
import {
  decodeValidationMessage,
  fieldLabelFr,
  translateValidationMessage,
} from './validation-messages';

/**
 * The global validation pipe: unknown fields are refused, payloads are transformed into DTO
 * classes, and every problem is reported per field in the common error shape.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new ApiException(
        400,
        API_ERROR_CODES.VALIDATION_FAILED,
        summary(details),
        details,
      );
    },
  });
}

/** The one-line message: how many fields are wrong, and which. */
export function summary(details: ApiExceptionDetail[]): BilingualText {
  const fields = details.map((d) => d.field).filter((f) => f !== undefined);
  const n = details.length;
  const s = n > 1 ? 's' : '';
  return {
    fr:
      `La requête contient ${n} champ${s} invalide${s}` +
      (fields.length
        ? ` (${[...new Set(fields.map((f) => fieldLabelFr(f)))].join(', ')})`
        : '') +
      ` : corrigez-le${s} puis renvoyez-la.`,
    en:
      `The request has ${n} invalid field${s}` +
      (fields.length ? ` (${fields.join(', ')})` : '') +
      ': correct them and send it again.',
  };
}

export function flatten(
  errors: ValidationError[],
  parent = '',
): ApiExceptionDetail[] {
  const out: ApiExceptionDetail[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      out.push({
        field,
        message:
          rule === 'whitelistValidation'
            ? {
                fr: `Champ inconnu « ${field} » : retirez-le.`,
                en: `Unknown field "${field}": remove it.`,
              }
            : (decodeValidationMessage(message) ??
              translateValidationMessage(field, error.property, message)),
      });
    }
    out.push(...flatten(error.children ?? [], field));
  }
  return out;
}
