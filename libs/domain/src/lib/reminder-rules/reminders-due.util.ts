import {
  CalendarDate,
  parseCalendarDate,
} from '../calendar/calendar-date.util';
import { isTerminalDossierState } from '../dossier-state-machine/dossier-state.model';
import { appealReminders } from './appeal-reminders.rules';
import { convocationReminders } from './convocation-reminders.rules';
import { inFranceReminders } from './in-france-reminders.rules';
import {
  REMINDER_SETTINGS_BOUNDS,
  ReminderSettings,
} from './reminder-settings.model';
import { DueReminder, ReminderSubject } from './reminder.model';

function checkCadence(settings: ReminderSettings): void {
  for (const field of [
    'convocationOverdueDays',
    'convocationRepeatDays',
  ] as const) {
    const { min, max } = REMINDER_SETTINGS_BOUNDS[field];
    const value = settings[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(
        `${field} must be a whole number of days between ${min} and ${max}, got ${value}`,
      );
    }
  }
}

/**
 * Every reminder due for one dossier on `today` (a Paris calendar date), soonest first. Each
 * series returns only the step that fell due last, dated the day it fell due, so a sweep that
 * missed days produces the same key as the sweep that should have run, and two sweeps of the
 * same day produce the same keys. Terminal dossiers have none.
 */
export function remindersDue(
  subject: ReminderSubject,
  settings: ReminderSettings,
  today: CalendarDate,
): DueReminder[] {
  parseCalendarDate(today);
  checkCadence(settings);
  if (isTerminalDossierState(subject.snapshot.state)) {
    return [];
  }
  return [
    ...convocationReminders(subject, settings, today),
    ...appealReminders(subject, today),
    ...inFranceReminders(subject, today),
  ].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key),
  );
}
