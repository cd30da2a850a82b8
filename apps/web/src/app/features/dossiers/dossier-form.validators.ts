import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { parseDayMonthYear } from '../../shared/date/day-month-year';

/** `{ dateRange: true }` on the group when the end (dd/mm/yyyy) is before the start. */
export function dateRangeValidator(start: string, end: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const from = parseDayMonthYear(String(group.get(start)?.value ?? ''));
    const to = parseDayMonthYear(String(group.get(end)?.value ?? ''));
    return from && to && to < from ? { dateRange: true } : null;
  };
}

/** `{ notInFuture: true }` when a dd/mm/yyyy date is not after `today()` ('YYYY-MM-DD'). */
export function futureDateValidator(today: () => string): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const iso = parseDayMonthYear(control.value ?? '');
    return iso && iso <= today() ? { notInFuture: true } : null;
  };
}

/** `{ notInPast: true }` when a dd/mm/yyyy date is after `today()` (a birth date, say). */
export function pastDateValidator(today: () => string): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const iso = parseDayMonthYear(control.value ?? '');
    return iso && iso >= today() ? { notInPast: true } : null;
  };
}

/** 'YYYY-MM-DD' as typed in the forms: dd/mm/yyyy. */
export function toDayMonthYear(iso: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}
