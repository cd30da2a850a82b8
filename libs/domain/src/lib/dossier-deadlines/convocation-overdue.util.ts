import { CalendarDate, daysBetween } from '../calendar/calendar-date.util';
import { DossierSnapshot } from './dossier-snapshot.model';

/** Days in AWAITING_OFII before the first follow-up reminder (an employer setting). */
export const DEFAULT_CONVOCATION_OVERDUE_DAYS = 30;

/**
 * Days a dossier has been waiting for its OFII convocation since it was sent to OFII
 * (the "days waited" of the follow-up e-mail); undefined when it is not waiting.
 */
export function daysWaitingForConvocation(
  snapshot: DossierSnapshot,
  today: CalendarDate,
): number | undefined {
  const transmissionDate = snapshot.recorded.AWAITING_OFII?.transmissionDate;
  if (snapshot.state !== 'AWAITING_OFII' || transmissionDate === undefined) {
    return undefined;
  }
  return daysBetween(transmissionDate, today);
}

/** True when the dossier has waited in AWAITING_OFII for `thresholdDays` days or more. */
export function isConvocationOverdue(
  snapshot: DossierSnapshot,
  today: CalendarDate,
  thresholdDays = DEFAULT_CONVOCATION_OVERDUE_DAYS,
): boolean {
  if (!Number.isInteger(thresholdDays) || thresholdDays < 1) {
    throw new RangeError(
      `thresholdDays must be a whole number of days, at least 1, got ${thresholdDays}`,
    );
  }
  const waited = daysWaitingForConvocation(snapshot, today);
  return waited !== undefined && waited >= thresholdDays;
}
