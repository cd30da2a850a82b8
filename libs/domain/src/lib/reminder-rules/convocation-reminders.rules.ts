import {
  addDays,
  CalendarDate,
  daysBetween,
} from '../calendar/calendar-date.util';
import { daysWaitingForConvocation } from '../dossier-deadlines/convocation-overdue.util';
import { isPlannedStartAtRisk } from '../dossier-deadlines/planned-start-at-risk.util';
import { forAudiences } from './due-reminder.builder';
import { ReminderSettings } from './reminder-settings.model';
import {
  CATCH_UP_DAYS,
  FIRM_CONVOCATION_WAIT_DAYS,
  START_AT_RISK_DAYS,
} from './reminder-windows.constant';
import { DueReminder, ReminderSubject } from './reminder.model';

/**
 * Convocation overdue (employer): the first reminder when the dossier has waited
 * `convocationOverdueDays` in AWAITING_OFII (step '0'), then one every `convocationRepeatDays`
 * (steps '1', '2' ...) while it keeps waiting. Only the latest step that fell due is returned.
 */
function convocationOverdue(
  subject: ReminderSubject,
  settings: ReminderSettings,
  today: CalendarDate,
): DueReminder[] {
  const waited = daysWaitingForConvocation(subject.snapshot, today);
  const awaiting = subject.snapshot.recorded.AWAITING_OFII;
  const overdueDays = settings.convocationOverdueDays;
  if (waited === undefined || awaiting === undefined || waited < overdueDays) {
    return [];
  }
  const step = Math.floor(
    (waited - overdueDays) / settings.convocationRepeatDays,
  );
  return forAudiences(
    subject,
    {
      kind: 'convocation_overdue',
      step: String(step),
      dueDate: addDays(
        awaiting.transmissionDate,
        overdueDays + step * settings.convocationRepeatDays,
      ),
      urgent: false,
      daysWaited: waited,
      ofiiOffice: awaiting.ofiiOffice,
    },
    ['employer'],
  );
}

/** The firm hears once about a dossier that has waited 60 days for its convocation. */
function convocationWaitFirm(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  const waited = daysWaitingForConvocation(subject.snapshot, today);
  const awaiting = subject.snapshot.recorded.AWAITING_OFII;
  if (
    waited === undefined ||
    awaiting === undefined ||
    waited < FIRM_CONVOCATION_WAIT_DAYS
  ) {
    return [];
  }
  return forAudiences(
    subject,
    {
      kind: 'convocation_wait_firm',
      step: 'once',
      dueDate: addDays(awaiting.transmissionDate, FIRM_CONVOCATION_WAIT_DAYS),
      urgent: false,
      daysWaited: waited,
      ofiiOffice: awaiting.ofiiOffice,
    },
    ['firm'],
  );
}

/**
 * The firm hears once when the planned start is 21 days away or less (or passed) and the
 * worker has no convocation yet. A new planned start date gives a new alert; a start date
 * passed more than CATCH_UP_DAYS ago is stale (the season is gone) and gives none.
 */
function startAtRisk(
  subject: ReminderSubject,
  today: CalendarDate,
): DueReminder[] {
  const plannedStart = subject.snapshot.plannedStartDate;
  if (
    plannedStart === undefined ||
    !isPlannedStartAtRisk(subject.snapshot, today, START_AT_RISK_DAYS) ||
    daysBetween(plannedStart, today) > CATCH_UP_DAYS
  ) {
    return [];
  }
  const awaiting = subject.snapshot.recorded.AWAITING_OFII;
  const dueDate = addDays(plannedStart, -START_AT_RISK_DAYS);
  const waited = daysWaitingForConvocation(subject.snapshot, today);
  return forAudiences(
    subject,
    {
      kind: 'convocation_start_at_risk',
      step: 'once',
      dueDate,
      urgent: false,
      deadline: { kind: 'planned_start', date: plannedStart, legal: false },
      ...(waited === undefined ? {} : { daysWaited: waited }),
      ...(awaiting === undefined ? {} : { ofiiOffice: awaiting.ofiiOffice }),
    },
    ['firm'],
  );
}

export function convocationReminders(
  subject: ReminderSubject,
  settings: ReminderSettings,
  today: CalendarDate,
): DueReminder[] {
  return [
    ...convocationOverdue(subject, settings, today),
    ...convocationWaitFirm(subject, today),
    ...startAtRisk(subject, today),
  ];
}
