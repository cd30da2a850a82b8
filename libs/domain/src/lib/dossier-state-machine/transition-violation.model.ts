import { BilingualText } from '../bilingual-text.model';
import { formatFrenchDate } from '../calendar/calendar-date.util';
import { DOSSIER_STATE_LABELS, DossierState } from './dossier-state.model';

/** Stable codes of the rules a transition can break (for API errors, tests and translations). */
export type TransitionRuleCode =
  | 'UNKNOWN_STATE'
  | 'TRANSITION_NOT_ALLOWED'
  | 'SHORTAGE_OCCUPATION_REQUIRED'
  | 'DATA_INVALID'
  | 'FIELD_REQUIRED'
  | 'FIELD_INVALID'
  | 'DATE_INVALID'
  | 'DATE_ORDER'
  | 'DATE_IN_FUTURE'
  | 'GROUND_UNKNOWN'
  | 'GROUND_DETAIL_REQUIRED';

export interface TransitionViolation {
  readonly rule: TransitionRuleCode;
  /** The data field concerned, when the rule is about one. */
  readonly field?: string;
  readonly message: BilingualText;
}

/** A field as people read it: its label and, in brackets, its technical name. */
export interface NamedField {
  readonly name: string;
  readonly label: BilingualText;
}

function frField(field: NamedField): string {
  return `« ${field.label.fr} » (${field.name})`;
}

function enField(field: NamedField): string {
  return `"${field.label.en}" (${field.name})`;
}

function violation(
  rule: TransitionRuleCode,
  field: string | undefined,
  fr: string,
  en: string,
): TransitionViolation {
  return field === undefined
    ? { rule, message: { fr, en } }
    : { rule, field, message: { fr, en } };
}

/** Builders of the violations, one per rule, with their French and English messages. */
export const transitionViolations = {
  unknownState(value: unknown): TransitionViolation {
    return violation(
      'UNKNOWN_STATE',
      undefined,
      `État de dossier inconnu : « ${String(value)} ».`,
      `Unknown dossier state: "${String(value)}".`,
    );
  },
  notAllowed(from: DossierState, to: DossierState): TransitionViolation {
    const fromLabel = DOSSIER_STATE_LABELS[from];
    const toLabel = DOSSIER_STATE_LABELS[to];
    return violation(
      'TRANSITION_NOT_ALLOWED',
      undefined,
      `Passage de « ${fromLabel.fr} » (${from}) à « ${toLabel.fr} » (${to}) non autorisé.`,
      `Moving from "${fromLabel.en}" (${from}) to "${toLabel.en}" (${to}) is not allowed.`,
    );
  },
  shortageOccupationRequired(): TransitionViolation {
    return violation(
      'SHORTAGE_OCCUPATION_REQUIRED',
      undefined,
      "Sans offre d'emploi publiée, l'autorisation de travail ne peut être demandée que pour un métier en tension.",
      'Without a published job offer, the work permit can be requested only for a shortage occupation.',
    );
  },
  dataInvalid(): TransitionViolation {
    return violation(
      'DATA_INVALID',
      undefined,
      "Les données de l'étape sont absentes ou mal formées (objet attendu).",
      'The step data is missing or malformed (an object is expected).',
    );
  },
  fieldRequired(field: NamedField): TransitionViolation {
    return violation(
      'FIELD_REQUIRED',
      field.name,
      `${frField(field)} est obligatoire.`,
      `${enField(field)} is required.`,
    );
  },
  groundRequired(field: NamedField): TransitionViolation {
    return violation(
      'FIELD_REQUIRED',
      field.name,
      `${frField(field)} : cochez au moins un motif.`,
      `${enField(field)}: tick at least one ground.`,
    );
  },
  notText(field: NamedField): TransitionViolation {
    return violation(
      'FIELD_INVALID',
      field.name,
      `${frField(field)} doit être un texte.`,
      `${enField(field)} must be a text.`,
    );
  },
  notGroundList(field: NamedField): TransitionViolation {
    return violation(
      'FIELD_INVALID',
      field.name,
      `${frField(field)} doit être une liste de codes de motifs.`,
      `${enField(field)} must be a list of ground codes.`,
    );
  },
  notWholeMonths(field: NamedField, max: number): TransitionViolation {
    return violation(
      'FIELD_INVALID',
      field.name,
      `${frField(field)} doit être un nombre entier de mois entre 1 et ${max}.`,
      `${enField(field)} must be a whole number of months between 1 and ${max}.`,
    );
  },
  dateInvalid(field: NamedField, value: unknown): TransitionViolation {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    return violation(
      'DATE_INVALID',
      field.name,
      `${frField(field)} n'est pas une date valide au format AAAA-MM-JJ : « ${shown} ».`,
      `${enField(field)} is not a valid date in the format YYYY-MM-DD: "${shown}".`,
    );
  },
  dateOrder(
    earlier: NamedField,
    later: NamedField,
    allowSameDay: boolean,
  ): TransitionViolation {
    return allowSameDay
      ? violation(
          'DATE_ORDER',
          later.name,
          `${frField(later)} ne peut pas précéder ${frField(earlier)}.`,
          `${enField(later)} cannot be before ${enField(earlier)}.`,
        )
      : violation(
          'DATE_ORDER',
          later.name,
          `${frField(later)} doit être postérieure à ${frField(earlier)}.`,
          `${enField(later)} must be after ${enField(earlier)}.`,
        );
  },
  beforePreviousStep(
    field: NamedField,
    previousStepDate: string,
  ): TransitionViolation {
    const shown = formatFrenchDate(previousStepDate);
    return violation(
      'DATE_ORDER',
      field.name,
      `${frField(field)} ne peut pas précéder l'étape précédente du dossier (${shown}).`,
      `${enField(field)} cannot be before the dossier's previous step (${shown}).`,
    );
  },
  inFuture(field: NamedField, today: string): TransitionViolation {
    const shown = formatFrenchDate(today);
    return violation(
      'DATE_IN_FUTURE',
      field.name,
      `${frField(field)} ne peut pas être postérieure à aujourd'hui (${shown}).`,
      `${enField(field)} cannot be after today (${shown}).`,
    );
  },
  groundUnknown(field: NamedField, code: string): TransitionViolation {
    return violation(
      'GROUND_UNKNOWN',
      field.name,
      `${frField(field)} : motif inconnu « ${code} ».`,
      `${enField(field)}: unknown ground "${code}".`,
    );
  },
  groundDetailRequired(
    field: NamedField,
    groundLabel: BilingualText,
  ): TransitionViolation {
    return violation(
      'GROUND_DETAIL_REQUIRED',
      field.name,
      `${frField(field)} est obligatoire pour le motif « ${groundLabel.fr} ».`,
      `${enField(field)} is required for the ground "${groundLabel.en}".`,
    );
  },
};
