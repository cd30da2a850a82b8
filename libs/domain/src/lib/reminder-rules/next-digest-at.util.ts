import {
  addDays,
  parseCalendarDate,
  CalendarDate,
} from '../calendar/calendar-date.util';
import { parisToday, parisWallClock } from '../calendar/paris-today.util';

/** Digests leave at this hour, Paris time. */
export const DIGEST_HOUR_PARIS = 7;

/** Milliseconds Paris is ahead of UTC at an instant (3,600,000 in winter, 7,200,000 in summer). */
function parisOffsetMs(instantMs: number): number {
  const clock = parisWallClock(new Date(instantMs));
  const wallClockAsUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return wallClockAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which the Paris wall clock shows `hour`:00 on `date`. Two passes settle the
 * offset on days when it changes; an hour in the spring gap (02:00-03:00) is never asked for.
 */
export function parisWallClockInstant(date: CalendarDate, hour: number): Date {
  const { year, month, day } = parseCalendarDate(date);
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour);
  const firstGuess = wallClockAsUtc - parisOffsetMs(wallClockAsUtc);
  return new Date(wallClockAsUtc - parisOffsetMs(firstGuess));
}

/**
 * The next digest time: 07:00 Europe/Paris at or after `now` (so 06:00 UTC in winter,
 * 05:00 UTC in summer). Uses only Intl, never the machine's own time zone.
 */
export function nextDigestAt(now: Date): Date {
  const today = parisToday(now);
  const todayAtSeven = parisWallClockInstant(today, DIGEST_HOUR_PARIS);
  return todayAtSeven.getTime() >= now.getTime()
    ? todayAtSeven
    : parisWallClockInstant(addDays(today, 1), DIGEST_HOUR_PARIS);
}
