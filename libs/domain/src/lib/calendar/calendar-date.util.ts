import { InvalidCalendarDateError } from './invalid-calendar-date.error';

/**
 * A calendar date written 'YYYY-MM-DD' (ISO 8601), with no time and no time zone.
 * All arithmetic below works on whole days (integer day numbers), never on local-time
 * `Date` objects, so a result never drifts by a day around daylight-saving changes.
 */
export type CalendarDate = string;

export interface CalendarDateParts {
  readonly year: number;
  /** 1 = January ... 12 = December. */
  readonly month: number;
  readonly day: number;
}

/** ISO day of the week: 1 = Monday ... 6 = Saturday, 7 = Sunday. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const DAYS_PER_400_YEARS = 146097;
/** Day number of 1970-01-01 counted from 0000-03-01 (see civil-from-days below). */
const UNIX_EPOCH_OFFSET = 719468;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (month 1-12) of a given year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkParts(
  value: unknown,
  year: number,
  month: number,
  day: number,
): void {
  if (![year, month, day].every(Number.isInteger)) {
    throw new InvalidCalendarDateError(
      value,
      'year, month and day must be whole numbers',
    );
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidCalendarDateError(
      value,
      `year must be between 0001 and 9999`,
    );
  }
  if (month < 1 || month > 12) {
    throw new InvalidCalendarDateError(
      value,
      `month must be between 01 and 12`,
    );
  }
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    throw new InvalidCalendarDateError(
      value,
      `day ${day} does not exist in ${MONTH_NAMES[month - 1]} ${year} (${lastDay} days)`,
    );
  }
}

/**
 * Reads a 'YYYY-MM-DD' string. Throws {@link InvalidCalendarDateError} with a reason a person
 * can act on when the text is not in that format or names a day that does not exist.
 */
export function parseCalendarDate(value: string): CalendarDateParts {
  const match =
    typeof value === 'string' ? CALENDAR_DATE_PATTERN.exec(value) : null;
  if (!match) {
    throw new InvalidCalendarDateError(value, 'expected the format YYYY-MM-DD');
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  checkParts(value, year, month, day);
  return { year, month, day };
}

/** True when the value is a string naming a real day, written 'YYYY-MM-DD'. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  try {
    parseCalendarDate(value as string);
    return true;
  } catch {
    return false;
  }
}

/** Builds a 'YYYY-MM-DD' string from its parts (month 1-12); throws if the day does not exist. */
export function calendarDate(
  year: number,
  month: number,
  day: number,
): CalendarDate {
  checkParts({ year, month, day }, year, month, day);
  return [
    String(year).padStart(4, '0'),
    String(month).padStart(2, '0'),
    String(day).padStart(2, '0'),
  ].join('-');
}

/**
 * Whole days since 1970-01-01 (negative before). Proleptic Gregorian calendar,
 * integer-only algorithm (H. Hinnant, "days_from_civil").
 */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  const marchBasedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchBasedYear / 400);
  const yearOfEra = marchBasedYear - era * 400;
  const dayOfYear =
    Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - UNIX_EPOCH_OFFSET;
}

/** Inverse of {@link toDayNumber} ("civil_from_days"). */
export function fromDayNumber(dayNumber: number): CalendarDate {
  if (!Number.isInteger(dayNumber)) {
    throw new RangeError(
      `A day number must be a whole number, got ${dayNumber}`,
    );
  }
  const shifted = dayNumber + UNIX_EPOCH_OFFSET;
  const era = Math.floor(shifted / DAYS_PER_400_YEARS);
  const dayOfEra = shifted - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(
      `Day number ${dayNumber} falls outside the years 0001-9999`,
    );
  }
  return calendarDate(year, month, day);
}

function checkWholeNumber(name: string, value: number): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${name} must be a whole number, got ${value}`);
  }
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  checkWholeNumber('days', days);
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same day number `months` months later (earlier when negative), or the last day of
 * the target month when it has no such day: 31 Jan + 1 month -> 28/29 Feb;
 * 31 Dec + 2 months -> 28/29 Feb.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  checkWholeNumber('months', months);
  const { year, month, day } = parseCalendarDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(
      `${date} + ${months} months falls outside the years 0001-9999`,
    );
  }
  return calendarDate(
    targetYear,
    targetMonth,
    Math.min(day, daysInMonth(targetYear, targetMonth)),
  );
}

/** -1 when a is before b, 0 when equal, 1 when a is after b (usable with Array.sort). */
export function compareCalendarDates(
  a: CalendarDate,
  b: CalendarDate,
): -1 | 0 | 1 {
  const difference = toDayNumber(a) - toDayNumber(b);
  if (difference === 0) {
    return 0;
  }
  return difference < 0 ? -1 : 1;
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function dayOfWeek(date: CalendarDate): IsoDayOfWeek {
  // 1970-01-01 was a Thursday (ISO day 4).
  const zeroBasedFromMonday = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return (zeroBasedFromMonday + 1) as IsoDayOfWeek;
}

export function isWeekend(date: CalendarDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** French display form 'dd/mm/yyyy'. */
export function formatFrenchDate(date: CalendarDate): string {
  const { year, month, day } = parseCalendarDate(date);
  return [
    String(day).padStart(2, '0'),
    String(month).padStart(2, '0'),
    String(year).padStart(4, '0'),
  ].join('/');
}
