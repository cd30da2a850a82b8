import {
  addDays,
  CalendarDate,
  compareCalendarDates,
  daysBetween,
} from '../calendar/calendar-date.util';
import { DossierSnapshot } from '../dossier-deadlines/dossier-snapshot.model';
import { deadlineFor } from '../legal-deadline/legal-deadline.util';
import {
  forAudiences,
  isDeadlineUrgent,
  latestStepBefore,
} from './due-reminder.builder';
import {
  CATCH_UP_DAYS,
  COURT_REMINDER_DAYS_BEFORE,
  CRRV_REMINDER_DAYS_BEFORE,
  FRESH_REFUSAL_DAYS,
} from './reminder-windows.constant';
import {
  DueReminder,
  ImplicitDecisionKind,
  ReminderSubject,
} from './reminder.model';

interface ImplicitDecision {
  readonly kind: ImplicitDecisionKind;
  readonly arisesOn: CalendarDate;
}

interface OpenAppeal {
  readonly kind: 'crrv_appeal' | 'court_appeal';
  /** The last day to act (moved to a working day). */
  readonly lastDay: CalendarDate;
}

function implicit(
  kind: ImplicitDecisionKind,
  recordedOn: CalendarDate | undefined,
  startDate: CalendarDate | undefined,
): ImplicitDecision | undefined {
  const arisesOn =
    recordedOn ??
    (startDate === undefined ? undefined : deadlineFor(kind, startDate));
  return arisesOn === undefined ? undefined : { kind, arisesOn };
}

/**
 * The implicit decision (refusal by silence) the dossier is heading for or has recorded: while
 * the administration is silent it arises on the computed day; once recorded, on the recorded day.
 */
function implicitDecisionOf(
  snapshot: DossierSnapshot,
): ImplicitDecision | undefined {
  const r = snapshot.recorded;
  switch (snapshot.state) {
    case 'VISA_FILED':
      return implicit(
        'implicit_visa_refusal',
        undefined,
        r.VISA_FILED?.filingDate,
      );
    case 'VISA_REFUSED_IMPLICIT':
      return implicit(
        'implicit_visa_refusal',
        r.VISA_REFUSED_IMPLICIT?.notificationDate,
        r.VISA_FILED?.filingDate,
      );
    case 'CRRV_FILED':
      return implicit(
        'implicit_crrv_rejection',
        undefined,
        r.CRRV_FILED?.filingDate,
      );
    case 'CRRV_REJECTED_IMPLICIT':
      return implicit(
        'implicit_crrv_rejection',
        r.CRRV_REJECTED_IMPLICIT?.notificationDate,
        r.CRRV_FILED?.filingDate,
      );
    case 'PERMIT_APPLIED':
      return implicit(
        'implicit_card_refusal',
        undefined,
        r.PERMIT_APPLIED?.applicationDate,
      );
    case 'PERMIT_REFUSED_IMPLICIT':
      return implicit(
        'implicit_card_refusal',
        r.PERMIT_REFUSED_IMPLICIT?.notificationDate,
        r.PERMIT_APPLIED?.applicationDate,
      );
    default:
      return undefined;
  }
}

/** The implicit decision when it has arisen on or before `today`. */
function arisenImplicitDecision(
  snapshot: DossierSnapshot,
  today: CalendarDate,
): ImplicitDecision | undefined {
  const decision = implicitDecisionOf(snapshot);
  return decision && compareCalendarDates(decision.arisesOn, today) <= 0
    ? decision
    : undefined;
}

function appeal(
  kind: OpenAppeal['kind'],
  startDate: CalendarDate | undefined,
): OpenAppeal | undefined {
  return startDate === undefined
    ? undefined
    : { kind, lastDay: deadlineFor(kind, startDate) };
}

/** The appeal window a refusal opened, explicit or arisen by silence (even if not recorded). */
function openAppealOf(
  snapshot: DossierSnapshot,
  today: CalendarDate,
): OpenAppeal | undefined {
  const r = snapshot.recorded;
  switch (snapshot.state) {
    case 'VISA_REFUSED':
      return appeal('crrv_appeal', r.VISA_REFUSED?.notificationDate);
    case 'VISA_REFUSED_VERBAL':
      return appeal('crrv_appeal', r.VISA_REFUSED_VERBAL?.notificationDate);
    case 'CRRV_REJECTED':
      return appeal('court_appeal', r.CRRV_REJECTED?.notificationDate);
    case 'VISA_FILED':
    case 'VISA_REFUSED_IMPLICIT':
      return appeal(
        'crrv_appeal',
        arisenImplicitDecision(snapshot, today)?.arisesOn,
      );
    case 'CRRV_FILED':
    case 'CRRV_REJECTED_IMPLICIT':
      return appeal(
        'court_appeal',
        arisenImplicitDecision(snapshot, today)?.arisesOn,
      );
    default:
      return undefined;
  }
}

/** CRRV appeal at 10 and 3 days before, court appeal at 15 and 5, unless an appeal is recorded. */
function appealDeadline(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  const open = openAppealOf(subject.snapshot, today);
  if (open === undefined) {
    return [];
  }
  const crrv = open.kind === 'crrv_appeal';
  if (crrv ? subject.appealRecorded?.crrv : subject.appealRecorded?.court) {
    return [];
  }
  const step = latestStepBefore(
    open.lastDay,
    crrv ? CRRV_REMINDER_DAYS_BEFORE : COURT_REMINDER_DAYS_BEFORE,
    today,
  );
  if (step === undefined) {
    return [];
  }
  return forAudiences(
    subject,
    {
      kind: crrv ? 'crrv_deadline' : 'court_deadline',
      ...step,
      urgent: isDeadlineUrgent(open.lastDay, today),
      deadline: { kind: open.kind, date: open.lastDay, legal: true },
    },
    ['employer', 'firm'],
  );
}

/**
 * An implicit decision is announced from the day it arises, with the deadline it opens (CRRV
 * after a visa refusal, court after a CRRV rejection), while that deadline runs; an implicit
 * card refusal opens no deadline the product counts, so it is announced for CATCH_UP_DAYS.
 */
function implicitDecisionArisen(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  const decision = arisenImplicitDecision(subject.snapshot, today);
  if (decision === undefined) {
    return [];
  }
  const next =
    decision.kind === 'implicit_visa_refusal'
      ? appeal('crrv_appeal', decision.arisesOn)
      : decision.kind === 'implicit_crrv_rejection'
        ? appeal('court_appeal', decision.arisesOn)
        : undefined;
  const lastDay = next?.lastDay ?? addDays(decision.arisesOn, CATCH_UP_DAYS);
  if (compareCalendarDates(today, lastDay) > 0) {
    return [];
  }
  return forAudiences(
    subject,
    {
      kind: 'implicit_decision',
      step: 'arises',
      dueDate: decision.arisesOn,
      urgent:
        daysBetween(decision.arisesOn, today) <= FRESH_REFUSAL_DAYS ||
        (next !== undefined && isDeadlineUrgent(next.lastDay, today)),
      deadline: next
        ? { kind: next.kind, date: next.lastDay, legal: true }
        : { kind: decision.kind, date: decision.arisesOn, legal: true },
      implicitDecision: decision,
    },
    ['employer', 'firm'],
  );
}

/** The day a written, verbal or court refusal was notified. */
function refusalNotifiedOn(
  snapshot: DossierSnapshot,
): CalendarDate | undefined {
  const r = snapshot.recorded;
  switch (snapshot.state) {
    case 'VISA_REFUSED':
      return r.VISA_REFUSED?.notificationDate;
    case 'VISA_REFUSED_VERBAL':
      return r.VISA_REFUSED_VERBAL?.notificationDate;
    case 'CRRV_REJECTED':
      return r.CRRV_REJECTED?.notificationDate;
    case 'TA_REJECTED':
      return r.TA_REJECTED?.judgmentDate;
    default:
      return undefined;
  }
}

/**
 * Any recorded refusal (visa, CRRV, court) alerts the firm once, dated the day it was recorded;
 * urgent while fresh. It is no longer sent once the appeal window it opened has closed.
 */
function refusalRecorded(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  const notifiedOn = refusalNotifiedOn(subject.snapshot);
  if (notifiedOn === undefined) {
    return [];
  }
  const dueDate = subject.stateEnteredOn ?? notifiedOn;
  const open = openAppealOf(subject.snapshot, today);
  const lastDay = open?.lastDay ?? addDays(dueDate, CATCH_UP_DAYS);
  if (
    compareCalendarDates(dueDate, today) > 0 ||
    compareCalendarDates(today, lastDay) > 0
  ) {
    return [];
  }
  return forAudiences(
    subject,
    {
      kind: 'refusal_recorded',
      step: 'once',
      dueDate,
      urgent:
        daysBetween(dueDate, today) <= FRESH_REFUSAL_DAYS ||
        (open !== undefined && isDeadlineUrgent(open.lastDay, today)),
      ...(open
        ? { deadline: { kind: open.kind, date: open.lastDay, legal: true } }
        : {}),
    },
    ['firm'],
  );
}

export function appealReminders(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  return [
    ...refusalRecorded(subject, today),
    ...implicitDecisionArisen(subject, today),
    ...appealDeadline(subject, today),
  ];
}
