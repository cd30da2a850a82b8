import { dayOfWeek } from '../calendar/calendar-date.util';
import { easterSunday } from './easter-sunday.util';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2019, '2019-04-21'],
    [2008, '2008-03-23'],
    [2000, '2000-04-23'],
    // Earliest and latest possible Easter dates
    [1818, '1818-03-22'],
    [2285, '2285-03-22'],
    [1943, '1943-04-25'],
    [2038, '2038-04-25'],
    [1583, '1583-04-10'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    const outOfRange: number[] = [];
    for (let year = 1583; year <= 3000; year++) {
      const easter = easterSunday(year);
      const monthDay = easter.slice(5);
      if (dayOfWeek(easter) !== 7 || monthDay < '03-22' || monthDay > '04-25') {
        outOfRange.push(year);
      }
    }
    expect(outOfRange).toEqual([]);
  });

  it.each([1582, 10000, 2024.5, Number.NaN])('refuses the year %p', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});
