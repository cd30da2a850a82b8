import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from '../../core/http/api-exception';

/** 404s of the documents routes: another employer's ids look exactly like missing ones. */
export function dossierNotFound(id: string): ApiException {
  return new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
    fr: `Aucun dossier avec l'identifiant ${id} n'a été trouvé ici.`,
    en: `No dossier with the id ${id} was found here.`,
  });
}

export function workerNotFound(id: string): ApiException {
  return new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
    fr: `Aucun salarié avec l'identifiant ${id} n'a été trouvé ici.`,
    en: `No worker with the id ${id} was found here.`,
  });
}

export function documentNotFound(id: string): ApiException {
  return new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
    fr: `Aucun document avec l'identifiant ${id} n'a été trouvé ici.`,
    en: `No document with the id ${id} was found here.`,
  });
}
