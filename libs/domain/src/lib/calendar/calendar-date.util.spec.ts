import {
  addDays,
  addMonths,
  calendarDate,
  compareCalendarDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatFrenchDate,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  isWeekend,
  parseCalendarDate,
  toDayNumber,
} from './calendar-date.util';
import { InvalidCalendarDateError } from './invalid-calendar-date.error';

const MS_PER_DAY = 86_400_000;

/** Reference implementation for the sweeps: UTC arithmetic of the JavaScript Date. */
function utcDayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2024, true],
    [2028, true],
    [2000, true],
    [2025, false],
    [1900, false],
    [2100, false],
  ])('isLeapYear(%i) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('gives the length of every month, February depending on the year', () => {
    expect(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) =>
        daysInMonth(2025, month),
      ),
    ).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
});

describe('parseCalendarDate', () => {
  it('reads the year, month and day of a YYYY-MM-DD string', () => {
    expect(parseCalendarDate('2025-04-01')).toEqual({
      year: 2025,
      month: 4,
      day: 1,
    });
    expect(parseCalendarDate('2024-02-29')).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
  });

  it('rejects a day that does not exist, naming the month and its length', () => {
    expect(() => parseCalendarDate('2025-02-30')).toThrow(
      'Invalid calendar date "2025-02-30": day 30 does not exist in February 2025 (28 days)',
    );
    expect(() => parseCalendarDate('2025-02-29')).toThrow(
      'day 29 does not exist in February 2025 (28 days)',
    );
    expect(() => parseCalendarDate('1900-02-29')).toThrow('February 1900');
    expect(() => parseCalendarDate('2025-04-31')).toThrow(
      'day 31 does not exist in April 2025 (30 days)',
    );
    expect(() => parseCalendarDate('2025-01-00')).toThrow(
      'day 0 does not exist in January 2025',
    );
  });

  it('accepts 29 February in leap years only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });

  it('rejects a month outside 01-12 and year 0000', () => {
    expect(() => parseCalendarDate('2025-13-01')).toThrow(
      'month must be between 01 and 12',
    );
    expect(() => parseCalendarDate('2025-00-10')).toThrow(
      'month must be between 01 and 12',
    );
    expect(() => parseCalendarDate('0000-01-01')).toThrow(
      'year must be between 0001 and 9999',
    );
  });

  it.each([
    '2025-4-1',
    '01/04/2025',
    '2025-04-01T00:00:00Z',
    ' 2025-04-01',
    '20250401',
    '',
    'tomorrow',
  ])('rejects the text %j as not in the YYYY-MM-DD format', (text) => {
    expect(() => parseCalendarDate(text)).toThrow(
      'expected the format YYYY-MM-DD',
    );
  });

  it('rejects values that are not strings', () => {
    expect(() => parseCalendarDate(20250401 as unknown as string)).toThrow(
      'expected the format YYYY-MM-DD',
    );
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(new Date())).toBe(false);
  });

  it('throws an InvalidCalendarDateError carrying the value, the reason and a stable code', () => {
    let caught: unknown;
    try {
      parseCalendarDate('2025-02-30');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidCalendarDateError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({
      name: 'InvalidCalendarDateError',
      code: 'DATE_INVALID',
      value: '2025-02-30',
      reason: 'day 30 does not exist in February 2025 (28 days)',
    });
  });
});

describe('calendarDate', () => {
  it('writes parts as a zero-padded YYYY-MM-DD string', () => {
    expect(calendarDate(2025, 3, 7)).toBe('2025-03-07');
    expect(calendarDate(12, 1, 1)).toBe('0012-01-01');
  });

  it('refuses impossible or non-integer parts', () => {
    expect(() => calendarDate(2025, 2, 29)).toThrow(InvalidCalendarDateError);
    expect(() => calendarDate(2025, 1.5, 1)).toThrow('whole numbers');
    expect(() => calendarDate(10000, 1, 1)).toThrow(
      'year must be between 0001 and 9999',
    );
  });
});

describe('toDayNumber / fromDayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
  });

  it('agrees with UTC Date arithmetic on every day from 1899 to 2101, and round-trips', () => {
    let date = '1899-12-25';
    let expected = utcDayNumber(date);
    const mismatches: string[] = [];
    while (date !== '2101-01-08') {
      if (toDayNumber(date) !== expected || fromDayNumber(expected) !== date) {
        mismatches.push(date);
      }
      date = addDays(date, 1);
      expected += 1;
      if (utcDayNumber(date) !== expected) {
        mismatches.push(`reference ${date}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('works at both ends of the supported years', () => {
    expect(toDayNumber('0001-01-01')).toBe(utcDayNumber('0001-01-01'));
    expect(toDayNumber('0001-03-01')).toBe(utcDayNumber('0001-03-01'));
    expect(toDayNumber('9999-12-31')).toBe(utcDayNumber('9999-12-31'));
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
  });

  it('refuses day numbers outside the years 0001-9999 or not whole', () => {
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(
      RangeError,
    );
    expect(() => fromDayNumber(toDayNumber('0001-01-01') - 1)).toThrow(
      'outside the years 0001-9999',
    );
    expect(() => fromDayNumber(1.5)).toThrow('whole number');
  });
});

describe('addDays', () => {
  it('counts the start as day 0: 1 April + 30 days is 1 May', () => {
    expect(addDays('2025-04-01', 30)).toBe('2025-05-01');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-02-29', 365)).toBe('2025-02-28');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-01-15', 0)).toBe('2025-01-15');
  });

  it('does not drift on the days clocks change in Paris', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
  });

  it('refuses a fractional number of days and an invalid date', () => {
    expect(() => addDays('2025-01-01', 0.5)).toThrow(
      'days must be a whole number',
    );
    expect(() => addDays('2025-02-30', 1)).toThrow(InvalidCalendarDateError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2028-02-29', 2, '2028-04-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-08-15', 2, '2025-10-15'],
    ['2025-10-31', 4, '2026-02-28'],
    ['2025-11-15', 2, '2026-01-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-01-15', -2, '2024-11-15'],
    ['2025-01-15', 0, '2025-01-15'],
  ])(
    '%s + %i months = %s (same day number or last day of the month)',
    (start, months, expected) => {
      expect(addMonths(start, months)).toBe(expected);
    },
  );

  it('refuses fractional months and results outside the supported years', () => {
    expect(() => addMonths('2025-01-31', 1.5)).toThrow(
      'months must be a whole number',
    );
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-31', -1)).toThrow(
      'outside the years 0001-9999',
    );
  });
});

describe('compareCalendarDates / daysBetween', () => {
  it('orders dates', () => {
    expect(compareCalendarDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareCalendarDates('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareCalendarDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(
      ['2026-01-01', '2024-12-31', '2025-06-15'].sort(compareCalendarDates),
    ).toEqual(['2024-12-31', '2025-06-15', '2026-01-01']);
  });

  it('counts signed days between two dates', () => {
    expect(daysBetween('2025-04-01', '2025-05-01')).toBe(30);
    expect(daysBetween('2025-05-01', '2025-04-01')).toBe(-30);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-30', '2025-03-30')).toBe(0);
  });
});

describe('dayOfWeek / isWeekend', () => {
  it.each([
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2025-01-01', 3],
    ['2024-02-29', 4],
    ['2025-05-03', 6],
    ['2025-05-04', 7],
    ['2025-05-05', 1],
    ['0001-01-01', 1],
  ])('%s is ISO day %i', (date, isoDay) => {
    expect(dayOfWeek(date)).toBe(isoDay);
  });

  it('matches the UTC day of the week over three years', () => {
    let date = '2024-01-01';
    const mismatches: string[] = [];
    while (date < '2027-01-01') {
      const utcDay = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (dayOfWeek(date) !== (utcDay === 0 ? 7 : utcDay)) {
        mismatches.push(date);
      }
      date = addDays(date, 1);
    }
    expect(mismatches).toEqual([]);
  });

  it('treats Saturday and Sunday as the weekend', () => {
    expect(isWeekend('2025-05-03')).toBe(true);
    expect(isWeekend('2025-05-04')).toBe(true);
    expect(isWeekend('2025-05-05')).toBe(false);
    expect(isWeekend('2025-05-02')).toBe(false);
  });
});

describe('formatFrenchDate', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatFrenchDate('2025-03-07')).toBe('07/03/2025');
    expect(formatFrenchDate('2024-12-31')).toBe('31/12/2024');
  });

  it('refuses an invalid date', () => {
    expect(() => formatFrenchDate('2025-02-30')).toThrow(
      InvalidCalendarDateError,
    );
  });
});
