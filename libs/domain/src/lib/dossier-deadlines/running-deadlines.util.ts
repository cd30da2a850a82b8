import { BilingualText } from '../bilingual-text.model';
import {
  addDays,
  addMonths,
  CalendarDate,
  daysBetween,
} from '../calendar/calendar-date.util';
import { DossierState } from '../dossier-state-machine/dossier-state.model';
import {
  computeLegalDeadline,
  deadlineFor,
  LegalDeadlineOptions,
} from '../legal-deadline/legal-deadline.util';
import {
  LEGAL_DEADLINE_RULES,
  LegalDeadlineKind,
} from '../legal-deadline/legal-deadline-rule.model';
import {
  DossierClockKind,
  dossierClockLabel,
  isLegalDeadlineKind,
  OFFER_PUBLICATION_MIN_DAYS,
  ReferenceClockKind,
  SEASONAL_STAY_MAX_MONTHS,
} from './dossier-clock.model';
import {
  DossierSnapshot,
  RecordedTransitionData,
} from './dossier-snapshot.model';

export interface RunningDeadline {
  readonly kind: DossierClockKind;
  readonly label: BilingualText;
  /** True for a deadline set by law: show COMPUTED_DEADLINE_NOTICE next to it. */
  readonly legal: boolean;
  readonly startDate: CalendarDate;
  /** Start + length, before any roll-forward. */
  readonly nominalDueDate: CalendarDate;
  readonly dueDate: CalendarDate;
  /** True for a last day to act, which moves off weekends and public holidays. */
  readonly rollsToWorkingDay: boolean;
  /** True when the due date was actually moved to the next working day. */
  readonly rolled: boolean;
  /** Days from today to the due date: 0 on the day itself, negative once it has passed. */
  readonly daysLeft: number;
}

type DeadlineDraft = Omit<RunningDeadline, 'label' | 'legal' | 'daysLeft'>;
type ClockReader = (
  recorded: RecordedTransitionData,
) => DeadlineDraft | undefined;

function legal(
  kind: LegalDeadlineKind,
  startDate: CalendarDate | undefined,
  options?: LegalDeadlineOptions,
): DeadlineDraft | undefined {
  if (startDate === undefined) {
    return undefined;
  }
  const computed = computeLegalDeadline(kind, startDate, options);
  return {
    kind,
    startDate,
    nominalDueDate: computed.nominalDate,
    dueDate: computed.dueDate,
    rollsToWorkingDay: LEGAL_DEADLINE_RULES[kind].rollsToWorkingDay,
    rolled: computed.rolled,
  };
}

function reference(
  kind: ReferenceClockKind,
  startDate: CalendarDate | undefined,
  dueDate: (start: CalendarDate) => CalendarDate | undefined,
): DeadlineDraft | undefined {
  const due = startDate === undefined ? undefined : dueDate(startDate);
  if (startDate === undefined || due === undefined) {
    return undefined;
  }
  return {
    kind,
    startDate,
    nominalDueDate: due,
    dueDate: due,
    rollsToWorkingDay: false,
    rolled: false,
  };
}

/** Start of the CRRV window after an implicit visa refusal: recorded, or filing + 2 months. */
function implicitVisaRefusalDate(
  recorded: RecordedTransitionData,
): CalendarDate | undefined {
  const filingDate = recorded.VISA_FILED?.filingDate;
  return (
    recorded.VISA_REFUSED_IMPLICIT?.notificationDate ??
    (filingDate === undefined
      ? undefined
      : deadlineFor('implicit_visa_refusal', filingDate))
  );
}

/** Start of the court window after an implicit CRRV rejection: recorded, or filing + 2 months. */
function implicitCrrvRejectionDate(
  recorded: RecordedTransitionData,
): CalendarDate | undefined {
  const filingDate = recorded.CRRV_FILED?.filingDate;
  return (
    recorded.CRRV_REJECTED_IMPLICIT?.notificationDate ??
    (filingDate === undefined
      ? undefined
      : deadlineFor('implicit_crrv_rejection', filingDate))
  );
}

const offerPeriodEnd: ClockReader = (r) =>
  reference('offer_period_end', r.OFFER_PUBLISHED?.publicationDate, (start) =>
    addDays(start, OFFER_PUBLICATION_MIN_DAYS),
  );
const workPermitExpiry: ClockReader = (r) =>
  reference(
    'work_permit_expiry',
    r.AT_GRANTED?.grantDate,
    () => r.AT_GRANTED?.validUntil,
  );
const ofiiAppointment: ClockReader = (r) =>
  reference(
    'ofii_appointment',
    r.OFII_CONVOKED?.convocationDate,
    () => r.OFII_CONVOKED?.appointmentDate,
  );
const visaExpiry: ClockReader = (r) =>
  reference(
    'visa_expiry',
    r.VISA_ISSUED?.validFrom,
    () => r.VISA_ISSUED?.validTo,
  );
const seasonalStayCap: ClockReader = (r) =>
  reference('seasonal_stay_cap', r.ARRIVED?.entryDate, (start) =>
    addMonths(start, SEASONAL_STAY_MAX_MONTHS),
  );
const residenceCardExpiry: ClockReader = (r) =>
  reference(
    'residence_card_expiry',
    r.PERMIT_GRANTED?.grantDate,
    () => r.PERMIT_GRANTED?.validUntil,
  );

const implicitVisaRefusal: ClockReader = (r) =>
  legal('implicit_visa_refusal', r.VISA_FILED?.filingDate);
const implicitCrrvRejection: ClockReader = (r) =>
  legal('implicit_crrv_rejection', r.CRRV_FILED?.filingDate);
const cardApplication: ClockReader = (r) =>
  legal('card_application', r.ARRIVED?.entryDate);
const implicitCardRefusal: ClockReader = (r) =>
  legal('implicit_card_refusal', r.PERMIT_APPLIED?.applicationDate);
const injunction: ClockReader = (r) =>
  legal(
    'injunction',
    r.TA_ANNULLED?.notificationDate ?? r.TA_ANNULLED?.judgmentDate,
    {
      months: r.TA_ANNULLED?.injunctionMonths,
    },
  );

/** The clocks running in each state; states not listed run none. */
const CLOCKS_BY_STATE: Partial<Record<DossierState, readonly ClockReader[]>> = {
  OFFER_PUBLISHED: [offerPeriodEnd],
  AT_GRANTED: [workPermitExpiry],
  AWAITING_OFII: [workPermitExpiry],
  OFII_CONVOKED: [ofiiAppointment, workPermitExpiry],
  MEDICAL_FIT: [workPermitExpiry],
  VISA_FILED: [implicitVisaRefusal, workPermitExpiry],
  VISA_REFUSED: [(r) => legal('crrv_appeal', r.VISA_REFUSED?.notificationDate)],
  VISA_REFUSED_VERBAL: [
    (r) => legal('crrv_appeal', r.VISA_REFUSED_VERBAL?.notificationDate),
  ],
  VISA_REFUSED_IMPLICIT: [
    (r) => legal('crrv_appeal', implicitVisaRefusalDate(r)),
  ],
  CRRV_FILED: [implicitCrrvRejection],
  CRRV_REJECTED: [
    (r) => legal('court_appeal', r.CRRV_REJECTED?.notificationDate),
  ],
  CRRV_REJECTED_IMPLICIT: [
    (r) => legal('court_appeal', implicitCrrvRejectionDate(r)),
  ],
  TA_ANNULLED: [injunction],
  VISA_ISSUED: [visaExpiry],
  ARRIVED: [cardApplication, seasonalStayCap],
  PERMIT_APPLIED: [implicitCardRefusal, seasonalStayCap],
  PERMIT_GRANTED: [seasonalStayCap, residenceCardExpiry],
  PERMIT_REFUSED_IMPLICIT: [seasonalStayCap],
  RETURNED: [residenceCardExpiry],
};

/**
 * The deadlines and reference dates running for a dossier in its current state, soonest first.
 * A clock whose start or end date was not recorded is left out. Passed deadlines stay listed
 * (negative days left) as long as the dossier stays in the state.
 */
export function runningDeadlines(
  snapshot: DossierSnapshot,
  today: CalendarDate,
): RunningDeadline[] {
  const readers = CLOCKS_BY_STATE[snapshot.state] ?? [];
  return readers
    .map((read) => read(snapshot.recorded))
    .filter((draft): draft is DeadlineDraft => draft !== undefined)
    .map(
      (draft): RunningDeadline => ({
        ...draft,
        label: dossierClockLabel(draft.kind),
        legal: isLegalDeadlineKind(draft.kind),
        daysLeft: daysBetween(today, draft.dueDate),
      }),
    )
    .sort(
      (a, b) =>
        daysBetween(b.dueDate, a.dueDate) || a.kind.localeCompare(b.kind),
    );
}
