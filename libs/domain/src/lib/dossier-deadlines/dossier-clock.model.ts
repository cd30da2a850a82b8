import { BilingualText } from '../bilingual-text.model';
import {
  LEGAL_DEADLINE_KINDS,
  LEGAL_DEADLINE_RULES,
  LegalDeadlineKind,
} from '../legal-deadline/legal-deadline-rule.model';

/**
 * Dates a dossier runs against that are not legal deadlines: reference dates entered by hand
 * or derived from the procedure (domain reference, section 3, "Clock it starts").
 */
export const REFERENCE_CLOCK_KINDS = [
  'offer_period_end',
  'work_permit_expiry',
  'ofii_appointment',
  'visa_expiry',
  'seasonal_stay_cap',
  'residence_card_expiry',
] as const;

export type ReferenceClockKind = (typeof REFERENCE_CLOCK_KINDS)[number];

export type DossierClockKind = LegalDeadlineKind | ReferenceClockKind;

export const DOSSIER_CLOCK_KINDS: readonly DossierClockKind[] = [
  ...LEGAL_DEADLINE_KINDS,
  ...REFERENCE_CLOCK_KINDS,
];

/** A job offer stays published at least 3 weeks before the work permit is requested. */
export const OFFER_PUBLICATION_MIN_DAYS = 21;
/** A seasonal worker stays at most 6 months (cumulated) in any 12 months. */
export const SEASONAL_STAY_MAX_MONTHS = 6;

export const REFERENCE_CLOCK_LABELS: Readonly<
  Record<ReferenceClockKind, BilingualText>
> = {
  offer_period_end: {
    fr: "Fin des 3 semaines de publication de l'offre (demande d'autorisation de travail possible)",
    en: 'End of the 3-week job offer period (work permit request possible)',
  },
  work_permit_expiry: {
    fr: "Fin de validité de l'autorisation de travail",
    en: 'Work permit expiry',
  },
  ofii_appointment: { fr: 'Rendez-vous OFII', en: 'OFII appointment' },
  visa_expiry: { fr: 'Fin de validité du visa', en: 'Visa expiry' },
  seasonal_stay_cap: {
    fr: 'Fin des 6 mois de séjour saisonnier (si entrée unique sur 12 mois)',
    en: 'End of the 6-month seasonal stay (if single entry in 12 months)',
  },
  residence_card_expiry: {
    fr: 'Fin de validité de la carte de séjour',
    en: 'Residence card expiry',
  },
};

export function isLegalDeadlineKind(
  kind: DossierClockKind,
): kind is LegalDeadlineKind {
  return (LEGAL_DEADLINE_KINDS as readonly string[]).includes(kind);
}

export function dossierClockLabel(kind: DossierClockKind): BilingualText {
  return isLegalDeadlineKind(kind)
    ? LEGAL_DEADLINE_RULES[kind].label
    : REFERENCE_CLOCK_LABELS[kind];
}
