import { addDays, dayOfWeek } from '../calendar/calendar-date.util';
import { easterSunday } from './easter-sunday.util';
import {
  frenchPublicHolidayOn,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
} from './french-public-holidays.util';

function holidayDate(year: number, code: string): string | undefined {
  return frenchPublicHolidays(year).find((holiday) => holiday.code === code)
    ?.date;
}

describe('frenchPublicHolidays', () => {
  it('lists the eleven national holidays of 2026 in date order, with French and English names', () => {
    expect(
      frenchPublicHolidays(2026).map(({ date, code, label }) => [
        date,
        code,
        label.fr,
        label.en,
      ]),
    ).toEqual([
      ['2026-01-01', 'new_years_day', "Jour de l'an", "New Year's Day"],
      ['2026-04-06', 'easter_monday', 'Lundi de Pâques', 'Easter Monday'],
      ['2026-05-01', 'labour_day', 'Fête du Travail', 'Labour Day'],
      [
        '2026-05-08',
        'victory_in_europe_day',
        'Victoire 1945',
        'Victory in Europe Day',
      ],
      ['2026-05-14', 'ascension_day', 'Ascension', 'Ascension Day'],
      ['2026-05-25', 'whit_monday', 'Lundi de Pentecôte', 'Whit Monday'],
      ['2026-07-14', 'bastille_day', 'Fête nationale', 'Bastille Day'],
      ['2026-08-15', 'assumption_day', 'Assomption', 'Assumption Day'],
      ['2026-11-01', 'all_saints_day', 'Toussaint', "All Saints' Day"],
      ['2026-11-11', 'armistice_day', 'Armistice 1918', 'Armistice Day'],
      ['2026-12-25', 'christmas_day', 'Noël', 'Christmas Day'],
    ]);
  });

  it.each([
    // year, Easter Monday, Ascension (Easter + 39), Whit Monday (Easter + 50)
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-17', '2028-05-25', '2028-06-05'],
    [2030, '2030-04-22', '2030-05-30', '2030-06-10'],
  ])(
    'Easter-based holidays of %i',
    (year, easterMonday, ascension, whitMonday) => {
      expect(holidayDate(year, 'easter_monday')).toBe(easterMonday);
      expect(holidayDate(year, 'ascension_day')).toBe(ascension);
      expect(holidayDate(year, 'whit_monday')).toBe(whitMonday);
    },
  );

  it('puts Easter Monday and Whit Monday on Mondays and Ascension on a Thursday, every year', () => {
    const wrong: number[] = [];
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year);
      if (
        dayOfWeek(holidayDate(year, 'easter_monday') ?? '') !== 1 ||
        dayOfWeek(holidayDate(year, 'whit_monday') ?? '') !== 1 ||
        dayOfWeek(holidayDate(year, 'ascension_day') ?? '') !== 4 ||
        holidayDate(year, 'ascension_day') !== addDays(easter, 39) ||
        holidayDate(year, 'whit_monday') !== addDays(easter, 50)
      ) {
        wrong.push(year);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps both holidays when Ascension falls on 1 May (2008)', () => {
    const holidays = frenchPublicHolidays(2008);
    expect(holidays).toHaveLength(11);
    expect(
      holidays
        .filter((holiday) => holiday.date === '2008-05-01')
        .map((holiday) => holiday.code)
        .sort(),
    ).toEqual(['ascension_day', 'labour_day']);
  });

  it('returns a frozen list that callers cannot alter', () => {
    const holidays = frenchPublicHolidays(2027);
    expect(Object.isFrozen(holidays)).toBe(true);
    expect(Object.isFrozen(holidays[0])).toBe(true);
    expect(frenchPublicHolidays(2027)).toBe(holidays);
  });

  it('refuses years outside the Gregorian range it supports', () => {
    expect(() => frenchPublicHolidays(1500)).toThrow(RangeError);
  });
});

describe('frenchPublicHolidayOn / isFrenchPublicHoliday', () => {
  it('names the holiday of a date', () => {
    expect(frenchPublicHolidayOn('2026-05-14')?.code).toBe('ascension_day');
    expect(frenchPublicHolidayOn('2025-07-14')?.label.fr).toBe(
      'Fête nationale',
    );
    expect(frenchPublicHolidayOn('2026-05-15')).toBeUndefined();
  });

  it.each([
    '2025-01-01',
    '2025-04-21',
    '2025-05-01',
    '2025-05-08',
    '2025-05-29',
    '2025-06-09',
    '2025-07-14',
    '2025-08-15',
    '2025-11-01',
    '2025-11-11',
    '2025-12-25',
  ])('%s is a public holiday', (date) => {
    expect(isFrenchPublicHoliday(date)).toBe(true);
  });

  it.each([
    '2025-04-20',
    '2025-04-18',
    '2025-12-26',
    '2025-05-02',
    '2025-12-31',
  ])(
    '%s is not a national public holiday (Easter Sunday, Good Friday and 26 December are not)',
    (date) => {
      expect(isFrenchPublicHoliday(date)).toBe(false);
    },
  );
});
