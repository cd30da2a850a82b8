import {
  calendarDate,
  CalendarDate,
  InvalidCalendarDateError,
} from '@moisson/domain';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export type ImportDateResult =
  | { ok: true; date: CalendarDate }
  | { ok: false; reason: 'format' | 'impossible'; detail: string };

/**
 * A date as spreadsheets write it: dd/mm/yyyy or d/m/yyyy (also with '.' or '-'), or yyyy-mm-dd.
 * An impossible day (31/02/2027) is refused with the reason given by @moisson/domain.
 */
export function parseImportDate(text: string): ImportDateResult {
  const value = text.trim();
  const dayFirst = DAY_FIRST.exec(value);
  const iso = ISO.exec(value);
  const parts = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : null;
  if (!parts)
    return {
      ok: false,
      reason: 'format',
      detail: 'expected dd/mm/yyyy or yyyy-mm-dd',
    };
  const [year, month, day] = parts.map(Number);
  try {
    return {
      ok: true,
      date: calendarDate(year, month, day),
    };
  } catch (error) {
    if (error instanceof InvalidCalendarDateError)
      return { ok: false, reason: 'impossible', detail: error.reason };
    throw error;
  }
}
