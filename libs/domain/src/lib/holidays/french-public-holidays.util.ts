import { BilingualText } from '../bilingual-text.model';
import {
  addDays,
  calendarDate,
  CalendarDate,
  parseCalendarDate,
} from '../calendar/calendar-date.util';
import { checkGregorianYear, easterSunday } from './easter-sunday.util';

export type FrenchPublicHolidayCode =
  | 'new_years_day'
  | 'easter_monday'
  | 'labour_day'
  | 'victory_in_europe_day'
  | 'ascension_day'
  | 'whit_monday'
  | 'bastille_day'
  | 'assumption_day'
  | 'all_saints_day'
  | 'armistice_day'
  | 'christmas_day';

export interface FrenchPublicHoliday {
  readonly date: CalendarDate;
  readonly code: FrenchPublicHolidayCode;
  readonly label: BilingualText;
}

interface HolidayDefinition {
  readonly code: FrenchPublicHolidayCode;
  readonly label: BilingualText;
  /** A fixed day of the year (month 1-12), or a number of days after Easter Sunday. */
  readonly falls:
    | { readonly month: number; readonly day: number }
    | { readonly daysAfterEaster: number };
}

/**
 * The eleven national public holidays (jours fériés) of the French Labour Code, article L3133-1.
 * Alsace-Moselle's extra days (Good Friday, 26 December) are not included.
 */
const HOLIDAY_DEFINITIONS: readonly HolidayDefinition[] = [
  {
    code: 'new_years_day',
    label: { fr: "Jour de l'an", en: "New Year's Day" },
    falls: { month: 1, day: 1 },
  },
  {
    code: 'easter_monday',
    label: { fr: 'Lundi de Pâques', en: 'Easter Monday' },
    falls: { daysAfterEaster: 1 },
  },
  {
    code: 'labour_day',
    label: { fr: 'Fête du Travail', en: 'Labour Day' },
    falls: { month: 5, day: 1 },
  },
  {
    code: 'victory_in_europe_day',
    label: { fr: 'Victoire 1945', en: 'Victory in Europe Day' },
    falls: { month: 5, day: 8 },
  },
  {
    code: 'ascension_day',
    label: { fr: 'Ascension', en: 'Ascension Day' },
    falls: { daysAfterEaster: 39 },
  },
  {
    code: 'whit_monday',
    label: { fr: 'Lundi de Pentecôte', en: 'Whit Monday' },
    falls: { daysAfterEaster: 50 },
  },
  {
    code: 'bastille_day',
    label: { fr: 'Fête nationale', en: 'Bastille Day' },
    falls: { month: 7, day: 14 },
  },
  {
    code: 'assumption_day',
    label: { fr: 'Assomption', en: 'Assumption Day' },
    falls: { month: 8, day: 15 },
  },
  {
    code: 'all_saints_day',
    label: { fr: 'Toussaint', en: "All Saints' Day" },
    falls: { month: 11, day: 1 },
  },
  {
    code: 'armistice_day',
    label: { fr: 'Armistice 1918', en: 'Armistice Day' },
    falls: { month: 11, day: 11 },
  },
  {
    code: 'christmas_day',
    label: { fr: 'Noël', en: 'Christmas Day' },
    falls: { month: 12, day: 25 },
  },
];

const holidaysByYear = new Map<number, readonly FrenchPublicHoliday[]>();

function holidayDate(
  year: number,
  easter: CalendarDate,
  definition: HolidayDefinition,
): CalendarDate {
  const falls = definition.falls;
  return 'daysAfterEaster' in falls
    ? addDays(easter, falls.daysAfterEaster)
    : calendarDate(year, falls.month, falls.day);
}

/** The French public holidays of a year (1583-9999), sorted by date. */
export function frenchPublicHolidays(
  year: number,
): readonly FrenchPublicHoliday[] {
  checkGregorianYear(year);
  const cached = holidaysByYear.get(year);
  if (cached) {
    return cached;
  }
  const easter = easterSunday(year);
  const holidays = HOLIDAY_DEFINITIONS.map(
    (definition): FrenchPublicHoliday => ({
      date: holidayDate(year, easter, definition),
      code: definition.code,
      label: definition.label,
    }),
  ).sort((a, b) => a.date.localeCompare(b.date));
  const frozen = Object.freeze(
    holidays.map((holiday) => Object.freeze(holiday)),
  );
  holidaysByYear.set(year, frozen);
  return frozen;
}

/** The public holiday falling on that date, if any. */
export function frenchPublicHolidayOn(
  date: CalendarDate,
): FrenchPublicHoliday | undefined {
  const { year } = parseCalendarDate(date);
  return frenchPublicHolidays(year).find((holiday) => holiday.date === date);
}

export function isFrenchPublicHoliday(date: CalendarDate): boolean {
  return frenchPublicHolidayOn(date) !== undefined;
}
