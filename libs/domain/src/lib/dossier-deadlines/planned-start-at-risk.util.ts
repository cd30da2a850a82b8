import { CalendarDate, daysBetween } from '../calendar/calendar-date.util';
import { DossierState } from '../dossier-state-machine/dossier-state.model';
import { DossierSnapshot } from './dossier-snapshot.model';

/** The firm is alerted when the planned start is this many days away or less, with no convocation. */
export const DEFAULT_PLANNED_START_ALERT_DAYS = 21;

/** Open states in which the worker has not been convoked by OFII yet. */
export const STATES_BEFORE_CONVOCATION: readonly DossierState[] = [
  'DRAFT',
  'OFFER_PUBLISHED',
  'AT_SUBMITTED',
  'AT_GRANTED',
  'AT_REFUSED',
  'AWAITING_OFII',
];

/**
 * True when the worker has no OFII convocation yet and the planned start date is
 * `thresholdDays` days away or less (or already passed).
 */
export function isPlannedStartAtRisk(
  snapshot: DossierSnapshot,
  today: CalendarDate,
  thresholdDays = DEFAULT_PLANNED_START_ALERT_DAYS,
): boolean {
  if (!Number.isInteger(thresholdDays) || thresholdDays < 0) {
    throw new RangeError(
      `thresholdDays must be a whole number of days, at least 0, got ${thresholdDays}`,
    );
  }
  if (
    snapshot.plannedStartDate === undefined ||
    !STATES_BEFORE_CONVOCATION.includes(snapshot.state)
  ) {
    return false;
  }
  return daysBetween(today, snapshot.plannedStartDate) <= thresholdDays;
}
