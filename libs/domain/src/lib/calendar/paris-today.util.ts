import { calendarDate, CalendarDate } from './calendar-date.util';

export const PARIS_TIME_ZONE = 'Europe/Paris';

/** What a wall clock in Paris shows at an instant (month 1-12, hour 0-23). */
export interface ParisWallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

let parisClockFormatter: Intl.DateTimeFormat | undefined;

/** The Paris wall clock at an instant, read with Intl (never the machine's own time zone). */
export function parisWallClock(instant: Date): ParisWallClock {
  parisClockFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PARIS_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts = parisClockFormatter.formatToParts(instant);
  const numberOf = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: numberOf('year'),
    month: numberOf('month'),
    day: numberOf('day'),
    hour: numberOf('hour'),
    minute: numberOf('minute'),
    second: numberOf('second'),
  };
}

/**
 * The calendar date in Europe/Paris at the given instant. The instant is injected
 * (never read from the clock here) so callers and tests control "now".
 */
export function parisToday(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('parisToday needs a valid Date instant');
  }
  const { year, month, day } = parisWallClock(instant);
  return calendarDate(year, month, day);
}
