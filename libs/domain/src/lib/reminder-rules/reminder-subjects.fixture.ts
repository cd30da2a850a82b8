import { CalendarDate } from '../calendar/calendar-date.util';
import { RecordedTransitionData } from '../dossier-deadlines/dossier-snapshot.model';
import { DossierState } from '../dossier-state-machine/dossier-state.model';
import {
  DEFAULT_REMINDER_SETTINGS,
  ReminderSettings,
} from './reminder-settings.model';
import { remindersDue } from './reminders-due.util';
import { DueReminder, ReminderKind, ReminderSubject } from './reminder.model';

/** Subjects and shortcuts shared by the reminder-rules specs (test-only file). */
export function subject(
  state: DossierState,
  recorded: RecordedTransitionData,
  extra: Partial<Omit<ReminderSubject, 'snapshot'>> & {
    plannedStartDate?: CalendarDate;
  } = {},
): ReminderSubject {
  const { plannedStartDate, ...rest } = extra;
  return {
    dossierId: 'd1',
    employerId: 'e1',
    ...rest,
    snapshot: {
      state,
      recorded,
      ...(plannedStartDate === undefined ? {} : { plannedStartDate }),
    },
  };
}

export function due(
  of: ReminderSubject,
  today: CalendarDate,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): DueReminder[] {
  return remindersDue(of, settings, today);
}

/** The keys of one kind due on `today`. */
export function keysOf(
  kind: ReminderKind,
  of: ReminderSubject,
  today: CalendarDate,
  settings?: ReminderSettings,
): string[] {
  return due(of, today, settings)
    .filter((reminder) => reminder.kind === kind)
    .map((reminder) => reminder.key);
}

/** The reminders of one kind due on `today`. */
export function ofKind(
  kind: ReminderKind,
  of: ReminderSubject,
  today: CalendarDate,
  settings?: ReminderSettings,
): DueReminder[] {
  return due(of, today, settings).filter((reminder) => reminder.kind === kind);
}

export const AWAITING: RecordedTransitionData = {
  AT_GRANTED: {
    permitNumber: 'AT-1',
    grantDate: '2025-01-20',
  },
  AWAITING_OFII: { transmissionDate: '2025-02-12', ofiiOffice: 'CASABLANCA' },
};
