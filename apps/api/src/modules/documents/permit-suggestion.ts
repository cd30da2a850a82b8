import type { PermitPrefillSuggestion } from '@moisson/contract';
import type { DocumentFields } from './document-fields';

export interface PermitDossier {
  id: string;
  employerId: string;
  state: string;
  permitNumber: string | null;
  permitGrantedOn: string | null;
  permitValidUntil: string | null;
}

const FIELDS = ['permitNumber', 'permitGrantedOn', 'permitValidUntil'] as const;

/**
 * What an uploaded work permit offers to copy into its dossier: its reference as the permit number,
 * its validity start as the grant date, its end as the validity end. Nothing is changed by the
 * upload; `apply` is the request the user sends to accept. In AT_SUBMITTED that is the AT_GRANTED
 * transition (timeline, deadlines and checks as any transition); once a permit is recorded, or
 * before the request, there is nothing to apply and `reason` says why.
 */
export function permitSuggestion(
  dossier: PermitDossier,
  fields: Pick<DocumentFields, 'reference' | 'validFrom' | 'validUntil'>,
): PermitPrefillSuggestion {
  const suggested = {
    permitNumber: fields.reference,
    permitGrantedOn: fields.validFrom,
    permitValidUntil: fields.validUntil,
  };
  const current = {
    permitNumber: dossier.permitNumber,
    permitGrantedOn: dossier.permitGrantedOn,
    permitValidUntil: dossier.permitValidUntil,
  };
  const changes = FIELDS.filter(
    (f) => suggested[f] !== null && suggested[f] !== current[f],
  );
  const base = { dossierId: dossier.id, ...suggested, current, changes };
  if (changes.length === 0)
    return {
      ...base,
      apply: null,
      reason: {
        fr: "Aucune nouvelle information : saisissez le numéro et les dates de l'autorisation avec le document pour les reporter dans le dossier.",
        en: "Nothing new: type the permit's number and dates with the document to copy them into the dossier.",
      },
    };
  if (dossier.state === 'AT_SUBMITTED') {
    if (!suggested.permitNumber || !suggested.permitGrantedOn)
      return {
        ...base,
        apply: null,
        reason: {
          fr: "Pour enregistrer l'autorisation accordée, il faut son numéro (référence) et sa date de délivrance (début de validité).",
          en: 'To record the granted permit, its number (reference) and its grant date (validity start) are needed.',
        },
      };
    return {
      ...base,
      apply: {
        method: 'POST',
        path: `/api/employers/${dossier.employerId}/dossiers/${dossier.id}/transitions`,
        body: {
          to: 'AT_GRANTED',
          data: {
            permitNumber: suggested.permitNumber,
            grantDate: suggested.permitGrantedOn,
            ...(suggested.permitValidUntil
              ? { validUntil: suggested.permitValidUntil }
              : {}),
          },
        },
      },
      reason: null,
    };
  }
  return {
    ...base,
    apply: null,
    reason: dossier.permitGrantedOn
      ? {
          fr: 'Le dossier a déjà une autorisation de travail enregistrée : une correction passe par le cabinet, le document reste joint.',
          en: 'The dossier already has a work permit recorded: a correction goes through the firm; the document stays attached.',
        }
      : {
          fr: "L'autorisation se reporte dans le dossier à l'étape « Autorisation de travail accordée », après la demande.",
          en: 'The permit is copied into the dossier at the "Work permit granted" step, after the request.',
        },
  };
}
