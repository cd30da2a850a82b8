import { ParseUUIDPipe } from '@nestjs/common';
import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from './api-exception';

/** An unknown or malformed id is simply not found. */
export const IdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
      fr: "Rien n'a été trouvé avec cet identifiant.",
      en: 'Nothing was found with this id.',
    }),
});
