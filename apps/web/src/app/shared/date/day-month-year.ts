import { AbstractControl, ValidationErrors } from '@angular/forms';
import { calendarDate } from '@moisson/domain';

const DAY_MONTH_YEAR = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

/**
 * A date typed as dd/mm/yyyy ("5/3/2026" and "05.03.2026" too) as the calendar day it names,
 * 'YYYY-MM-DD'; null when it is not a real day.
 */
export function parseDayMonthYear(text: string): string | null {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) {
    return null;
  }
  const [day, month, year] = [match[1], match[2], match[3]].map(Number);
  try {
    return calendarDate(year, month, day);
  } catch {
    return null; // not a real day (31/02, 29/02 of a common year...)
  }
}

/** An empty field, or a real day written dd/mm/yyyy: `{ dayMonthYear: true }` otherwise. */
export function dayMonthYearValidator(
  control: AbstractControl<string | null>,
): ValidationErrors | null {
  const value = control.value?.trim() ?? '';
  return value === '' || parseDayMonthYear(value) !== null
    ? null
    : { dayMonthYear: true };
}
