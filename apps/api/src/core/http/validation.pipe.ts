import { ValidationError, ValidationPipe } from '@nestjs/common';
import { API_ERROR_CODES, ApiErrorDetail } from '@moisson/contract';
import { ApiException } from './api-exception';

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
      const fields = details.map((d) => d.field).filter(Boolean);
      return new ApiException(
        400,
        API_ERROR_CODES.VALIDATION_FAILED,
        `The request has ${details.length} invalid field${details.length > 1 ? 's' : ''}` +
          (fields.length ? ` (${fields.join(', ')})` : '') +
          ': correct them and send it again.',
        details,
      );
    },
  });
}

export function flatten(
  errors: ValidationError[],
  parent = '',
): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      out.push({
        field,
        message:
          rule === 'whitelistValidation'
            ? `Unknown field "${field}": remove it.`
            : message,
      });
    }
    out.push(...flatten(error.children ?? [], field));
  }
  return out;
}
