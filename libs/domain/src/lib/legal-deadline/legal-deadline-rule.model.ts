import { BilingualText } from '../bilingual-text.model';

export const LEGAL_DEADLINE_KINDS = [
  'crrv_appeal',
  'court_appeal',
  'implicit_visa_refusal',
  'implicit_crrv_rejection',
  'card_application',
  'implicit_card_refusal',
  'injunction',
] as const;

export type LegalDeadlineKind = (typeof LEGAL_DEADLINE_KINDS)[number];

export type DeadlineUnit = 'days' | 'months';

export interface LegalDeadlineRule {
  readonly kind: LegalDeadlineKind;
  /** Default length, counted from the start date (day 0). */
  readonly length: number;
  readonly unit: DeadlineUnit;
  /**
   * True for a last day to act (moved to the next working day when it falls on a Saturday,
   * Sunday or public holiday); false for the date an implicit decision arises (never moved).
   */
  readonly rollsToWorkingDay: boolean;
  /** True when the length is set case by case (the court fixes the injunction length). */
  readonly lengthEditable: boolean;
  readonly label: BilingualText;
  /** The event the deadline counts from. */
  readonly startsFrom: BilingualText;
}

/** The legal deadlines of the procedure and how they are counted (domain reference, section 4). */
export const LEGAL_DEADLINE_RULES: Readonly<
  Record<LegalDeadlineKind, LegalDeadlineRule>
> = {
  crrv_appeal: {
    kind: 'crrv_appeal',
    length: 30,
    unit: 'days',
    rollsToWorkingDay: true,
    lengthEditable: false,
    label: {
      fr: 'Recours devant la CRRV',
      en: 'Appeal to the CRRV (visa refusal appeals board)',
    },
    startsFrom: {
      fr: 'notification du refus de visa, ou date du refus implicite',
      en: 'notification of the visa refusal, or date of the implicit refusal',
    },
  },
  court_appeal: {
    kind: 'court_appeal',
    length: 2,
    unit: 'months',
    rollsToWorkingDay: true,
    lengthEditable: false,
    label: {
      fr: 'Recours devant le tribunal administratif de Nantes',
      en: 'Appeal to the Nantes administrative court',
    },
    startsFrom: {
      fr: 'décision de la CRRV (explicite ou implicite)',
      en: 'CRRV decision (explicit or implicit)',
    },
  },
  implicit_visa_refusal: {
    kind: 'implicit_visa_refusal',
    length: 2,
    unit: 'months',
    rollsToWorkingDay: false,
    lengthEditable: false,
    label: {
      fr: 'Refus implicite de visa (silence du consulat)',
      en: 'Implicit visa refusal (consulate silence)',
    },
    startsFrom: {
      fr: 'dépôt de la demande de visa',
      en: 'visa application filed',
    },
  },
  implicit_crrv_rejection: {
    kind: 'implicit_crrv_rejection',
    length: 2,
    unit: 'months',
    rollsToWorkingDay: false,
    lengthEditable: false,
    label: {
      fr: 'Rejet implicite du recours par la CRRV (silence)',
      en: 'Implicit rejection of the appeal by the CRRV (silence)',
    },
    startsFrom: {
      fr: 'réception du recours par la CRRV',
      en: 'appeal received by the CRRV',
    },
  },
  card_application: {
    kind: 'card_application',
    length: 2,
    unit: 'months',
    rollsToWorkingDay: true,
    lengthEditable: false,
    label: {
      fr: 'Demande de la carte de séjour « travailleur saisonnier »',
      en: 'Seasonal worker residence card application',
    },
    startsFrom: { fr: 'entrée en France', en: 'entry into France' },
  },
  implicit_card_refusal: {
    kind: 'implicit_card_refusal',
    length: 4,
    unit: 'months',
    rollsToWorkingDay: false,
    lengthEditable: false,
    label: {
      fr: 'Refus implicite de la carte de séjour (silence de la préfecture)',
      en: 'Implicit refusal of the residence card (prefecture silence)',
    },
    startsFrom: {
      fr: 'dépôt de la demande complète',
      en: 'complete application filed',
    },
  },
  injunction: {
    kind: 'injunction',
    length: 2,
    unit: 'months',
    rollsToWorkingDay: true,
    lengthEditable: true,
    label: {
      fr: 'Injonction de délivrer le visa',
      en: 'Court order to issue the visa',
    },
    startsFrom: {
      fr: 'notification du jugement',
      en: 'judgment notified',
    },
  },
};
