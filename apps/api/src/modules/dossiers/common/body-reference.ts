import { HttpException } from '@nestjs/common';
import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from '../../../core/http/api-exception';
import { fieldLabelFr } from '../../../core/http/validation-messages';

/** "no worker" in French, for the kinds of reference a body may hold. */
const NONE_FR: Record<string, string> = {
  worker: 'aucun salarié',
  campaign: 'aucune campagne',
  employer: 'aucun employeur',
  dossier: 'aucun dossier',
};

/**
 * Resolves an id given in a request body (workerId, campaignId...). When it names nothing of this
 * employer, the 404 names the field, so the caller knows which reference to fix.
 */
export async function bodyReference<T>(
  field: string,
  what: string,
  find: () => Promise<T>,
): Promise<T> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() === 404) {
      const none = NONE_FR[what] ?? `aucun élément (${what})`;
      const capitalized = capitalize(none);
      throw new ApiException(
        404,
        API_ERROR_CODES.NOT_FOUND,
        {
          fr: `${capitalize(fieldLabelFr(field))} : ${none} ne correspond à cet identifiant chez cet employeur.`,
          en: `${field}: no ${what} with this id was found at this employer.`,
        },
        [
          {
            field,
            message: {
              fr: `${capitalized} ne correspond à cet identifiant chez cet employeur.`,
              en: `No ${what} with this id at this employer.`,
            },
          },
        ],
      );
    }
    throw error;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
