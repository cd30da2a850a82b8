import { calendarDate, CalendarDate } from '../calendar/calendar-date.util';

/** First year of the Gregorian calendar, for which the computus below is valid. */
export const FIRST_GREGORIAN_YEAR = 1583;
export const LAST_SUPPORTED_YEAR = 9999;

export function checkGregorianYear(year: number): void {
  if (
    !Number.isInteger(year) ||
    year < FIRST_GREGORIAN_YEAR ||
    year > LAST_SUPPORTED_YEAR
  ) {
    throw new RangeError(
      `Year must be a whole number between ${FIRST_GREGORIAN_YEAR} and ${LAST_SUPPORTED_YEAR}, got ${year}`,
    );
  }
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): CalendarDate {
  checkGregorianYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return calendarDate(
    year,
    Math.floor(monthAndDay / 31),
    (monthAndDay % 31) + 1,
  );
}
