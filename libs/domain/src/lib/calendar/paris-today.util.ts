import { calendarDate, CalendarDate } from './calendar-date.util';

export const PARIS_TIME_ZONE = 'Europe/Paris';

let parisDateFormatter: Intl.DateTimeFormat | undefined;

function formatter(): Intl.DateTimeFormat {
  parisDateFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PARIS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return parisDateFormatter;
}

/**
 * The calendar date in Europe/Paris at the given instant. The instant is injected
 * (never read from the clock here) so callers and tests control "now".
 */
export function parisToday(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('parisToday needs a valid Date instant');
  }
  const parts = formatter().formatToParts(instant);
  const numberOf = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return calendarDate(numberOf('year'), numberOf('month'), numberOf('day'));
}
