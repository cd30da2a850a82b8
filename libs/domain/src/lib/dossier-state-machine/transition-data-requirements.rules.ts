import { BilingualText } from '../bilingual-text.model';
import { CalendarDate } from '../calendar/calendar-date.util';
import { LEGAL_DEADLINE_RULES } from '../legal-deadline/legal-deadline-rule.model';
import {
  DossierTransitionDataMap,
  TransitionTargetState,
} from './dossier-transition-data.model';
import {
  TransitionDataRequirement,
  TransitionDataRequirements,
  TransitionFieldRequirement,
} from './transition-data-requirement.model';

/** Injunction length used when the judgment's is not entered (usually 2 months). */
export const DEFAULT_INJUNCTION_LENGTH_MONTHS =
  LEGAL_DEADLINE_RULES.injunction.length;

function label(fr: string, en: string): BilingualText {
  return { fr, en };
}

/** A date of a past event (not after today). */
function pastDate(
  required: boolean,
  text: BilingualText,
): TransitionFieldRequirement {
  return { kind: 'date', required, label: text, notAfterToday: true };
}

function anyDate(
  required: boolean,
  text: BilingualText,
): TransitionFieldRequirement {
  return { kind: 'date', required, label: text };
}

function text(
  required: boolean,
  textLabel: BilingualText,
): TransitionFieldRequirement {
  return { kind: 'text', required, label: textLabel };
}

const NOTE = { note: text(false, label('note', 'note')) };
const NOTIFICATION_DATE = label('date de notification', 'notification date');
const IMPLICIT_DECISION_DATE = label(
  'date de la décision implicite',
  'date of the implicit decision',
);
const APPLICATION_REFERENCE = label(
  'numéro de la demande',
  'application number',
);
const FILING_DATE = label('date de dépôt', 'filing date');
const CASE_NUMBER = label("numéro d'enregistrement", 'case number');
const GRANT_DATE = label('date de délivrance', 'grant date');
const VALID_UNTIL = label('fin de validité', 'valid until');
const EXAMINATION_DATE = label(
  'date de la visite médicale',
  'medical check date',
);
const JUDGMENT_DATE = label('date du jugement', 'judgment date');
const GROUNDS = label('motifs du refus', 'refusal grounds');
const GROUNDS_DETAIL = label('précision du motif', 'ground detail');

const IMPLICIT_DECISION: TransitionDataRequirement<
  DossierTransitionDataMap['VISA_REFUSED_IMPLICIT']
> = {
  fields: { notificationDate: pastDate(true, IMPLICIT_DECISION_DATE), ...NOTE },
  dateOrder: [],
  eventDateField: 'notificationDate',
};

const MEDICAL_RESULT: TransitionDataRequirement<
  DossierTransitionDataMap['MEDICAL_FIT']
> = {
  fields: { examinationDate: pastDate(true, EXAMINATION_DATE), ...NOTE },
  dateOrder: [],
  eventDateField: 'examinationDate',
};

const APPEAL_FILED: TransitionDataRequirement<
  DossierTransitionDataMap['CRRV_FILED']
> = {
  fields: {
    filingDate: pastDate(true, FILING_DATE),
    caseNumber: text(false, CASE_NUMBER),
    ...NOTE,
  },
  dateOrder: [],
  eventDateField: 'filingDate',
};

/** What each transition must carry, by the state it leads to. */
export const TRANSITION_DATA_REQUIREMENTS: TransitionDataRequirements = {
  OFFER_PUBLISHED: {
    fields: {
      publicationDate: pastDate(
        true,
        label("date de publication de l'offre", 'offer publication date'),
      ),
      offerReference: text(
        false,
        label("référence de l'offre", 'offer reference'),
      ),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'publicationDate',
  },
  AT_SUBMITTED: {
    fields: {
      submissionDate: pastDate(
        true,
        label('date de la demande', 'request date'),
      ),
      applicationReference: text(false, APPLICATION_REFERENCE),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'submissionDate',
  },
  AT_GRANTED: {
    fields: {
      permitNumber: text(
        true,
        label("numéro de l'autorisation de travail", 'work permit number'),
      ),
      grantDate: pastDate(true, GRANT_DATE),
      validUntil: anyDate(false, VALID_UNTIL),
      ...NOTE,
    },
    dateOrder: [
      { earlier: 'grantDate', later: 'validUntil', allowSameDay: false },
    ],
    eventDateField: 'grantDate',
  },
  AT_REFUSED: {
    fields: { notificationDate: pastDate(true, NOTIFICATION_DATE), ...NOTE },
    dateOrder: [],
    eventDateField: 'notificationDate',
  },
  AWAITING_OFII: {
    fields: {
      transmissionDate: pastDate(
        true,
        label("date de transmission à l'OFII", 'date sent to OFII'),
      ),
      ofiiOffice: text(true, label('bureau OFII', 'OFII office')),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'transmissionDate',
  },
  OFII_CONVOKED: {
    fields: {
      convocationDate: pastDate(
        true,
        label('date de la convocation', 'convocation date'),
      ),
      appointmentDate: anyDate(
        true,
        label('date du rendez-vous', 'appointment date'),
      ),
      appointmentPlace: text(
        true,
        label('lieu du rendez-vous', 'appointment place'),
      ),
      ...NOTE,
    },
    dateOrder: [
      {
        earlier: 'convocationDate',
        later: 'appointmentDate',
        allowSameDay: true,
      },
    ],
    eventDateField: 'convocationDate',
  },
  MEDICAL_FIT: MEDICAL_RESULT,
  MEDICAL_UNFIT: MEDICAL_RESULT,
  VISA_FILED: {
    fields: {
      filingDate: pastDate(true, FILING_DATE),
      consulate: text(true, label('consulat', 'consulate')),
      applicationReference: text(false, APPLICATION_REFERENCE),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'filingDate',
  },
  VISA_ISSUED: {
    fields: {
      visaType: text(true, label('type de visa', 'visa type')),
      validFrom: anyDate(true, label('début de validité', 'valid from')),
      validTo: anyDate(true, label('fin de validité', 'valid to')),
      issueDate: pastDate(false, label('date de délivrance', 'issue date')),
      visaNumber: text(false, label('numéro du visa', 'visa number')),
      ...NOTE,
    },
    dateOrder: [
      { earlier: 'validFrom', later: 'validTo', allowSameDay: false },
    ],
    eventDateField: 'issueDate',
  },
  VISA_REFUSED: {
    fields: {
      notificationDate: pastDate(true, NOTIFICATION_DATE),
      grounds: { kind: 'ground_codes', required: true, label: GROUNDS },
      groundsDetail: text(false, GROUNDS_DETAIL),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'notificationDate',
  },
  VISA_REFUSED_VERBAL: {
    fields: {
      notificationDate: pastDate(
        true,
        label('date du refus oral', 'date of the verbal refusal'),
      ),
      grounds: { kind: 'ground_codes', required: false, label: GROUNDS },
      groundsDetail: text(false, GROUNDS_DETAIL),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'notificationDate',
  },
  VISA_REFUSED_IMPLICIT: IMPLICIT_DECISION,
  CRRV_FILED: APPEAL_FILED,
  CRRV_REJECTED: {
    fields: { notificationDate: pastDate(true, NOTIFICATION_DATE), ...NOTE },
    dateOrder: [],
    eventDateField: 'notificationDate',
  },
  CRRV_REJECTED_IMPLICIT: IMPLICIT_DECISION,
  TA_FILED: APPEAL_FILED,
  TA_ANNULLED: {
    fields: {
      judgmentDate: pastDate(true, JUDGMENT_DATE),
      notificationDate: pastDate(
        false,
        label('date de notification du jugement', 'judgment notification date'),
      ),
      injunctionMonths: {
        kind: 'whole_months',
        required: false,
        label: label(
          "délai de l'injonction (mois)",
          'injunction length (months)',
        ),
        defaultValue: DEFAULT_INJUNCTION_LENGTH_MONTHS,
      },
      ...NOTE,
    },
    dateOrder: [
      {
        earlier: 'judgmentDate',
        later: 'notificationDate',
        allowSameDay: true,
      },
    ],
    eventDateField: 'judgmentDate',
  },
  TA_REJECTED: {
    fields: { judgmentDate: pastDate(true, JUDGMENT_DATE), ...NOTE },
    dateOrder: [],
    eventDateField: 'judgmentDate',
  },
  ARRIVED: {
    fields: {
      entryDate: pastDate(true, label("date d'entrée en France", 'entry date')),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'entryDate',
  },
  PERMIT_APPLIED: {
    fields: {
      applicationDate: pastDate(
        true,
        label('date de la demande', 'application date'),
      ),
      applicationReference: text(false, APPLICATION_REFERENCE),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'applicationDate',
  },
  PERMIT_GRANTED: {
    fields: {
      grantDate: pastDate(true, GRANT_DATE),
      cardNumber: text(false, label('numéro de la carte', 'card number')),
      validUntil: anyDate(false, VALID_UNTIL),
      ...NOTE,
    },
    dateOrder: [
      { earlier: 'grantDate', later: 'validUntil', allowSameDay: false },
    ],
    eventDateField: 'grantDate',
  },
  PERMIT_REFUSED_IMPLICIT: IMPLICIT_DECISION,
  CONTRACT_ENDED: {
    fields: {
      endDate: pastDate(
        true,
        label('date de fin du contrat', 'contract end date'),
      ),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'endDate',
  },
  RETURNED: {
    fields: {
      returnDate: pastDate(true, label('date de retour', 'return date')),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'returnDate',
  },
  CLOSED: {
    fields: {
      closingDate: pastDate(true, label('date de clôture', 'closing date')),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'closingDate',
  },
  ABANDONED: {
    fields: {
      decisionDate: pastDate(true, label("date de l'abandon", 'date given up')),
      reason: text(false, label('motif', 'reason')),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'decisionDate',
  },
  WITHDRAWN: {
    fields: {
      reason: text(true, label('motif du retrait', 'reason for withdrawal')),
      withdrawalDate: pastDate(
        false,
        label('date du retrait', 'withdrawal date'),
      ),
      ...NOTE,
    },
    dateOrder: [],
    eventDateField: 'withdrawalDate',
  },
};

/**
 * The date of the step recorded by a transition's data (e.g. the filing date of a visa
 * application), used to order steps and as `previousStepDate` for the next transition.
 */
export function eventDateOf<S extends TransitionTargetState>(
  state: S,
  data: DossierTransitionDataMap[S],
): CalendarDate | undefined {
  const field = TRANSITION_DATA_REQUIREMENTS[state]
    .eventDateField as keyof DossierTransitionDataMap[S];
  return data[field] as CalendarDate | undefined;
}
