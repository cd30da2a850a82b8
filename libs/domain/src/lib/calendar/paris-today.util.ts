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

/** The last answer of parisToday and the UTC second it holds for. */
let lastToday: { second: number; date: CalendarDate } | undefined;

/**
 * The calendar date in Europe/Paris at the given instant. The instant is injected
 * (never read from the clock here) so callers and tests control "now".
 *
 * The API asks it on every request; Intl's formatToParts costs about 15 µs, so the last answer is
 * kept for the rest of its UTC second: Paris changes date (and offset) only on a whole second.
 */
export function parisToday(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError('parisToday needs a valid Date instant');
  }
  const second = Math.floor(time / 1000);
  if (lastToday?.second === second) return lastToday.date;
  const { year, month, day } = parisWallClock(instant);
  const date = calendarDate(year, month, day);
  lastToday = { second, date };
  return date;
}
