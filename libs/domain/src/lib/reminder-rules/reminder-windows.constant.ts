import { DossierState } from '../dossier-state-machine/dossier-state.model';
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
export const STATES_WITH_REMINDERS: readonly DossierState[] = [
  'DRAFT',
  'OFFER_PUBLISHED',
  'AT_SUBMITTED',
  'AT_GRANTED',
  'AT_REFUSED',
  'AWAITING_OFII',
  'OFII_CONVOKED',
  'MEDICAL_FIT',
  'MEDICAL_UNFIT',
  'VISA_FILED',
  'VISA_ISSUED',
  'VISA_REFUSED',
  'VISA_REFUSED_VERBAL',
  'VISA_REFUSED_IMPLICIT',
  'CRRV_FILED',
  'CRRV_REJECTED',
  'CRRV_REJECTED_IMPLICIT',
  'TA_FILED',
  'TA_ANNULLED',
  'TA_REJECTED',
  'ARRIVED',
  'PERMIT_APPLIED',
  'PERMIT_GRANTED',
  'PERMIT_REFUSED_IMPLICIT',
  'CONTRACT_ENDED',
  'RETURNED',
];

/**
 * The widest windows the rules look through, for a SQL preselection by index before calling
 * `remindersDue` on each candidate. A dossier outside every window has no reminder due:
 * - AWAITING_OFII since at least `minDaysAwaitingOfii` days (lowest allowed employer setting);
 * - a planned start at most `plannedStartLookAheadDays` days ahead (or passed) before a convocation;
 * - a legal deadline or reference date (appeal, card application, stay cap, implicit decision)
 *   between `maxDaysAfterDeadline` days ago and `maxDaysBeforeDeadline` days ahead;
 * - a document validity end at most `maxDaysBeforeExpiry` days ahead (and not passed);
 * - a refusal or implicit decision recorded at most `catchUpDays` days ago when no deadline runs.
 * The rules themselves decide; the windows only have to include every dossier they might pick.
 */
export const REMINDER_WINDOWS = Object.freeze({
  minDaysAwaitingOfii: REMINDER_SETTINGS_BOUNDS.convocationOverdueDays.min,
  plannedStartLookAheadDays: START_AT_RISK_DAYS,
  maxDaysBeforeDeadline: Math.max(
    ...CRRV_REMINDER_DAYS_BEFORE,
    ...COURT_REMINDER_DAYS_BEFORE,
    ...IN_FRANCE_REMINDER_DAYS_BEFORE,
  ),
  maxDaysAfterDeadline: CATCH_UP_DAYS,
  maxDaysBeforeExpiry: Math.max(...DOCUMENT_REMINDER_DAYS_BEFORE),
  catchUpDays: CATCH_UP_DAYS,
  states: STATES_WITH_REMINDERS,
});
