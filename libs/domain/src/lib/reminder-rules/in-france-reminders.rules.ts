import {
  addMonths,
  CalendarDate,
  compareCalendarDates,
} from '../calendar/calendar-date.util';
import { SEASONAL_STAY_MAX_MONTHS } from '../dossier-deadlines/dossier-clock.model';
import { DossierSnapshot } from '../dossier-deadlines/dossier-snapshot.model';
import { DossierState } from '../dossier-state-machine/dossier-state.model';
import { deadlineFor } from '../legal-deadline/legal-deadline.util';
import {
  forAudiences,
  isDeadlineUrgent,
  latestStepBefore,
} from './due-reminder.builder';
import {
  DOCUMENT_REMINDER_DAYS_BEFORE,
  IN_FRANCE_REMINDER_DAYS_BEFORE,
  STATES_WITH_REMINDERS,
} from './reminder-windows.constant';
import {
  DocumentExpiry,
  DueReminder,
  ReminderDateKind,
  ReminderDocumentKind,
  ReminderSubject,
} from './reminder.model';

/** States in which the 6-month stay counter runs (the worker is in France). */
const STAY_STATES: readonly DossierState[] = [
  'ARRIVED',
  'PERMIT_APPLIED',
  'PERMIT_GRANTED',
  'PERMIT_REFUSED_IMPLICIT',
];

/** Card application due: arrival + 2 months (a last day to act), reminded 14 days before. */
function cardApplicationDue(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  const entryDate = subject.snapshot.recorded.ARRIVED?.entryDate;
  if (subject.snapshot.state !== 'ARRIVED' || entryDate === undefined) {
    return [];
  }
  const lastDay = deadlineFor('card_application', entryDate);
  const step = latestStepBefore(lastDay, IN_FRANCE_REMINDER_DAYS_BEFORE, today);
  if (step === undefined) {
    return [];
  }
  return forAudiences(
    subject,
    {
      kind: 'card_application_due',
      ...step,
      urgent: isDeadlineUrgent(lastDay, today),
      deadline: { kind: 'card_application', date: lastDay, legal: true },
    },
    ['employer'],
  );
}

/** The 6-month seasonal stay cap (from the last entry), reminded 14 days before. */
function stayCap(subject: ReminderSubject, today: CalendarDate): DueReminder[] {
  const entryDate = subject.snapshot.recorded.ARRIVED?.entryDate;
  if (
    !STAY_STATES.includes(subject.snapshot.state) ||
    entryDate === undefined
  ) {
    return [];
  }
  const cap = addMonths(entryDate, SEASONAL_STAY_MAX_MONTHS);
  const step = latestStepBefore(cap, IN_FRANCE_REMINDER_DAYS_BEFORE, today);
  if (step === undefined) {
    return [];
  }
  return forAudiences(
    subject,
    {
      kind: 'stay_cap',
      ...step,
      urgent: false,
      deadline: { kind: 'seasonal_stay_cap', date: cap, legal: false },
    },
    ['employer'],
  );
}

/** When each document matters: from the state it is issued in until the worker no longer needs it. */
const DOCUMENT_STATES: Readonly<
  Record<ReminderDocumentKind, readonly DossierState[]>
> = {
  passport: STATES_WITH_REMINDERS,
  work_permit: [
    'AT_GRANTED',
    'AWAITING_OFII',
    'OFII_CONVOKED',
    'MEDICAL_FIT',
    'VISA_FILED',
    'VISA_REFUSED',
    'VISA_REFUSED_VERBAL',
    'VISA_REFUSED_IMPLICIT',
    'CRRV_FILED',
    'CRRV_REJECTED',
    'CRRV_REJECTED_IMPLICIT',
    'TA_FILED',
    'TA_ANNULLED',
  ],
  visa: ['VISA_ISSUED', 'ARRIVED', 'PERMIT_APPLIED'],
  residence_card: ['PERMIT_GRANTED', 'CONTRACT_ENDED', 'RETURNED'],
};

const DOCUMENT_DATE_KINDS: Readonly<
  Record<ReminderDocumentKind, ReminderDateKind>
> = {
  passport: 'passport_expiry',
  work_permit: 'work_permit_expiry',
  visa: 'visa_expiry',
  residence_card: 'residence_card_expiry',
};

/** Validity ends known from the dossier itself (permit, visa and card transitions). */
function dossierExpiries(snapshot: DossierSnapshot): DocumentExpiry[] {
  const r = snapshot.recorded;
  const known: Array<[ReminderDocumentKind, CalendarDate | undefined]> = [
    ['work_permit', r.AT_GRANTED?.validUntil],
    ['visa', r.VISA_ISSUED?.validTo],
    ['residence_card', r.PERMIT_GRANTED?.validUntil],
  ];
  return known
    .filter(
      (entry): entry is [ReminderDocumentKind, CalendarDate] => !!entry[1],
    )
    .map(([kind, validUntil]) => ({ kind, validUntil }));
}

/**
 * The latest validity end of each document kind that matters in the current state: a renewed
 * passport (a later date from the Documents feature) replaces the old one.
 */
function currentExpiries(subject: ReminderSubject): DocumentExpiry[] {
  const latest = new Map<ReminderDocumentKind, CalendarDate>();
  for (const expiry of [
    ...dossierExpiries(subject.snapshot),
    ...(subject.documentExpiries ?? []),
  ]) {
    if (!DOCUMENT_STATES[expiry.kind].includes(subject.snapshot.state))
      continue;
    const known = latest.get(expiry.kind);
    if (
      known === undefined ||
      compareCalendarDates(expiry.validUntil, known) > 0
    ) {
      latest.set(expiry.kind, expiry.validUntil);
    }
  }
  return [...latest].map(([kind, validUntil]) => ({ kind, validUntil }));
}

/** Passport, work permit, visa and residence card expiry: 60 and 14 days before. */
function documentExpiry(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  return currentExpiries(subject).flatMap((document) => {
    const step = latestStepBefore(
      document.validUntil,
      DOCUMENT_REMINDER_DAYS_BEFORE,
      today,
      `${document.kind}-`,
    );
    if (step === undefined) {
      return [];
    }
    return forAudiences(
      subject,
      {
        kind: 'document_expiry',
        ...step,
        urgent: false,
        deadline: {
          kind: DOCUMENT_DATE_KINDS[document.kind],
          date: document.validUntil,
          legal: false,
        },
        document,
      },
      ['employer'],
    );
  });
}

export function inFranceReminders(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  return [
    ...cardApplicationDue(subject, today),
    ...stayCap(subject, today),
    ...documentExpiry(subject, today),
  ];
}
