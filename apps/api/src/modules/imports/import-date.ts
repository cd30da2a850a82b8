import {
  calendarDate,
  CalendarDate,
  fromDayNumber,
  InvalidCalendarDateError,
} from '@moisson/domain';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SERIAL = /^\d{1,7}(\.\d+)?$/;

/**
 * How a workbook counts days: from 1900 (Excel's default, with its fictitious 29 February 1900)
 * or from 1904 (old Mac workbooks, `date1904` in xl/workbook.xml).
 */
export type ExcelDateSystem = 1900 | 1904;

/** Day numbers (days since 1970-01-01) of serial 0: 31/12/1899 (1900 system), 01/01/1904 (1904). */
const EXCEL_DAY_ZERO = { 1900: -25568, 1904: -24107 } as const;
/** Serials of 01/01/1900 (1900 system) or 01/01/1904 (1904 system), and of 31/12/9999. */
const EXCEL_FIRST_SERIAL = { 1900: 1, 1904: 0 } as const;
const EXCEL_LAST_SERIAL = { 1900: 2_958_465, 1904: 2_957_003 } as const;

export type ImportDateResult =
  | { ok: true; date: CalendarDate }
  | { ok: false; reason: 'format' | 'impossible'; detail: string };

/**
 * A date as spreadsheets write it: dd/mm/yyyy or d/m/yyyy (also with '.' or '-'), or yyyy-mm-dd.
 * An impossible day (31/02/2027) is refused with the reason given by @moisson/domain. In an .xlsx
 * (`excelDateSystem` given), a plain number is an Excel date serial (a date typed in a cell
 * formatted as "Standard"): 46460 is 14/03/2027.
 */
export function parseImportDate(
  text: string,
  excelDateSystem: ExcelDateSystem | null = null,
): ImportDateResult {
  const value = text.trim();
  if (excelDateSystem && SERIAL.test(value))
    return excelSerialDate(Number(value), excelDateSystem);
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

/**
 * The day an Excel serial shows, in whole days (a time of day is ignored, so 46460.99, 23:45,
 * is still 14/03/2027): pure day arithmetic, the same whatever the server's time zone.
 */
export function excelSerialDate(
  serial: number,
  system: ExcelDateSystem,
): ImportDateResult {
  const days = Math.floor(serial);
  if (days < EXCEL_FIRST_SERIAL[system] || days > EXCEL_LAST_SERIAL[system])
    return {
      ok: false,
      reason: 'format',
      detail: `expected dd/mm/yyyy, yyyy-mm-dd or a date cell, not the number ${serial}`,
    };
  if (system === 1900 && days === 60)
    return {
      ok: false,
      reason: 'impossible',
      detail: 'day 29 does not exist in February 1900 (an Excel legacy)',
    };
  // From 1 March 1900 on, Excel's serials count the 29 February 1900 that never was.
  const shift = system === 1900 && days > 60 ? -1 : 0;
  return {
    ok: true,
    date: fromDayNumber(EXCEL_DAY_ZERO[system] + days + shift),
  };
}
