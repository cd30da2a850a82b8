import {
  addDays,
  CalendarDate,
  isWeekend,
} from '../calendar/calendar-date.util';
import { isFrenchPublicHoliday } from './french-public-holidays.util';

/** Monday to Friday and not a French public holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
  return !isWeekend(date) && !isFrenchPublicHoliday(date);
}

/**
 * Roll-forward: the date itself when it is a working day, otherwise the first working day
 * after it (a last day to act falling on a Saturday, Sunday or public holiday moves there).
 */
export function nextWorkingDay(date: CalendarDate): CalendarDate {
  let candidate = date;
  while (!isWorkingDay(candidate)) {
    candidate = addDays(candidate, 1);
  }
  return candidate;
}
