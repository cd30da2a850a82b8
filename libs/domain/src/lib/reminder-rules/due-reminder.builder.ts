import {
  addDays,
  CalendarDate,
  compareCalendarDates,
  daysBetween,
} from '../calendar/calendar-date.util';
import { URGENT_DEADLINE_DAYS } from './reminder-windows.constant';
import {
  DueReminder,
  ReminderAudience,
  ReminderKind,
  ReminderSubject,
} from './reminder.model';

/** The parts of a due reminder a rule decides; the key and ids are added here. */
export type ReminderDraft = Omit<
  DueReminder,
  'key' | 'dossierId' | 'employerId' | 'audience'
>;

/** The stable key of a due reminder (see {@link DueReminder.key}). */
export function reminderKey(
  kind: ReminderKind,
  dossierId: string,
  step: string,
  dueDate: CalendarDate,
  audience: ReminderAudience,
): string {
  return `${kind}:${dossierId}:${step}:${dueDate}:${audience}`;
}

/** One due reminder per audience, with its key. */
export function forAudiences(
  subject: ReminderSubject,
  draft: ReminderDraft,
  audiences: readonly ReminderAudience[],
): DueReminder[] {
  return audiences.map((audience) => ({
    key: reminderKey(
      draft.kind,
      subject.dossierId,
      draft.step,
      draft.dueDate,
      audience,
    ),
    audience,
    dossierId: subject.dossierId,
    employerId: subject.employerId,
    ...draft,
  }));
}

export interface StepBefore {
  /** 'd10', 'd3' ... prefixed when asked ('passport-d60'). */
  readonly step: string;
  readonly dueDate: CalendarDate;
}

/**
 * The latest step of a "N days before" series that has fallen due on `today`, or undefined
 * before the first step and after the date itself. A sweep that missed days gets the step
 * that fell due last, never every missed step (a step made stale by a later one is skipped).
 */
export function latestStepBefore(
  date: CalendarDate,
  daysBefore: readonly number[],
  today: CalendarDate,
  prefix = '',
): StepBefore | undefined {
  if (compareCalendarDates(today, date) > 0) {
    return undefined;
  }
  let latest: StepBefore | undefined;
  for (const days of [...daysBefore].sort((a, b) => b - a)) {
    const dueDate = addDays(date, -days);
    if (compareCalendarDates(dueDate, today) <= 0) {
      latest = { step: `${prefix}d${days}`, dueDate };
    }
  }
  return latest;
}

/** True when a legal deadline is `URGENT_DEADLINE_DAYS` days away or less (and not passed). */
export function isDeadlineUrgent(
  deadline: CalendarDate,
  today: CalendarDate,
): boolean {
  const daysLeft = daysBetween(today, deadline);
  return daysLeft >= 0 && daysLeft <= URGENT_DEADLINE_DAYS;
}

/** True when `today` is between `from` and `to`, both included. */
export function isWithin(
  today: CalendarDate,
  from: CalendarDate,
  to: CalendarDate,
): boolean {
  return (
    compareCalendarDates(from, today) <= 0 &&
    compareCalendarDates(today, to) <= 0
  );
}
