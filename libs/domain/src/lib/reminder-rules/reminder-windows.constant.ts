import {
  DOSSIER_STATES,
  DossierState,
  isTerminalDossierState,
} from '../dossier-state-machine/dossier-state.model';
import { REMINDER_SETTINGS_BOUNDS } from './reminder-settings.model';

/** The firm is alerted once when a dossier has waited this many days for its convocation. */
export const FIRM_CONVOCATION_WAIT_DAYS = 60;
/** The firm is alerted once when the planned start is this many days away, with no convocation. */
export const START_AT_RISK_DAYS = 21;
/** CRRV appeal: reminders this many days before the last day (steps 'd10', 'd3'). */
export const CRRV_REMINDER_DAYS_BEFORE = [10, 3] as const;
/** Court appeal: reminders this many days before the last day (steps 'd15', 'd5'). */
export const COURT_REMINDER_DAYS_BEFORE = [15, 5] as const;
/** Card application and 6-month stay cap: one reminder this many days before. */
export const IN_FRANCE_REMINDER_DAYS_BEFORE = [14] as const;
/** Document expiry: reminders this many days before the end of validity. */
export const DOCUMENT_REMINDER_DAYS_BEFORE = [60, 14] as const;
/** A reminder about a legal deadline this close (in days) or closer is urgent. */
export const URGENT_DEADLINE_DAYS = 3;
/** A refusal recorded this many days ago or less is "fresh": alerted at once. */
export const FRESH_REFUSAL_DAYS = 3;
/**
 * A one-off reminder with no running deadline (an implicit card refusal, a court rejection) is
 * still produced this many days after it fell due, so a sweep that missed days catches up; past
 * that it is stale and not sent.
 */
export const CATCH_UP_DAYS = 30;

/** States in which at least one reminder can fall due (terminal states never have one). */
export const STATES_WITH_REMINDERS: readonly DossierState[] =
  DOSSIER_STATES.filter((state) => !isTerminalDossierState(state));

/**
 * Days a last day to act can move forward off weekends and holidays (Saturday, Sunday and a
 * Monday holiday); no French run of non-working days is longer.
 */
export const MAX_ROLL_FORWARD_DAYS = 3;
/** Longest deadline in months the rules follow after it opens (court appeal: 2 months <= 62 days). */
const LONGEST_APPEAL_DAYS = 62;

/**
 * The widest windows the rules look through, for a SQL preselection by index before calling
 * `remindersDue` on each candidate. A dossier outside every window has no reminder due on `today`:
 * - AWAITING_OFII, transmitted at least `minDaysAwaitingOfii` days ago (lowest allowed setting);
 * - before a convocation, a planned start between `catchUpDays` days ago and
 *   `plannedStartLookAheadDays` days ahead;
 * - the legal deadline of the current state (runningDeadlines' legal one, the `legal_deadline_on`
 *   column) between `maxDaysAfterDeadline` days ago (an implicit CRRV rejection is announced, and
 *   its court deadline reminded, until that 2-month deadline closes) and `maxDaysBeforeDeadline`
 *   days ahead;
 * - a refusal state entered at most `maxDaysAfterDeadline` days ago (its alert lasts while the
 *   appeal window it opened runs);
 * - a document validity end between today and `maxDaysBeforeExpiry` days ahead;
 * - in France, an entry date whose card application (2 months) or stay cap (6 months) is at most
 *   `maxDaysBeforeDeadline` days ahead.
 * The rules decide; the windows only have to include every dossier they might pick (a spec checks it).
 */
export const REMINDER_WINDOWS = Object.freeze({
  minDaysAwaitingOfii: REMINDER_SETTINGS_BOUNDS.convocationOverdueDays.min,
  plannedStartLookAheadDays: START_AT_RISK_DAYS,
  maxDaysBeforeDeadline: Math.max(
    ...CRRV_REMINDER_DAYS_BEFORE,
    ...COURT_REMINDER_DAYS_BEFORE,
    ...IN_FRANCE_REMINDER_DAYS_BEFORE,
  ),
  maxDaysAfterDeadline: LONGEST_APPEAL_DAYS + MAX_ROLL_FORWARD_DAYS,
  maxDaysBeforeExpiry: Math.max(...DOCUMENT_REMINDER_DAYS_BEFORE),
  catchUpDays: CATCH_UP_DAYS,
  states: STATES_WITH_REMINDERS,
});
