import { addDays } from '../calendar/calendar-date.util';
import { isWorkingDay, nextWorkingDay } from './working-day.util';

describe('isWorkingDay', () => {
  it('is true Monday to Friday outside holidays', () => {
    expect(isWorkingDay('2025-05-05')).toBe(true);
    expect(isWorkingDay('2025-05-02')).toBe(true);
  });

  it('is false on Saturdays, Sundays and public holidays', () => {
    expect(isWorkingDay('2025-05-03')).toBe(false);
    expect(isWorkingDay('2025-05-04')).toBe(false);
    expect(isWorkingDay('2025-05-01')).toBe(false);
    expect(isWorkingDay('2026-05-14')).toBe(false);
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['a working day stays', '2025-05-02', '2025-05-02'],
    ['a Saturday moves to Monday', '2025-05-03', '2025-05-05'],
    ['a Sunday moves to Monday', '2025-05-04', '2025-05-05'],
    ['a Thursday holiday moves to Friday', '2025-05-01', '2025-05-02'],
    [
      'a Saturday before Whit Monday moves to Tuesday',
      '2026-05-23',
      '2026-05-26',
    ],
    [
      'a Saturday before Easter Monday moves to Tuesday',
      '2025-04-19',
      '2025-04-22',
    ],
    ['Christmas on a Saturday moves to Monday 27', '2021-12-25', '2021-12-27'],
    ['New Year on a Saturday moves to Monday 3', '2022-01-01', '2022-01-03'],
    ['Christmas on a Friday moves to Monday 28', '2026-12-25', '2026-12-28'],
    ['1 May on a Saturday moves to Monday 3', '2027-05-01', '2027-05-03'],
    [
      'a Sunday before Armistice on Monday moves to Tuesday',
      '2024-11-10',
      '2024-11-12',
    ],
    [
      '31 December on a Saturday rolls into the next year',
      '2022-12-31',
      '2023-01-02',
    ],
  ])('%s (%s -> %s)', (_description, date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });

  it('always lands on the first working day on or after the date (2024-2030 sweep)', () => {
    const wrong: string[] = [];
    for (
      let date = '2024-01-01';
      date < '2031-01-01';
      date = addDays(date, 1)
    ) {
      const result = nextWorkingDay(date);
      let day = date;
      while (day < result) {
        if (isWorkingDay(day)) {
          wrong.push(date);
        }
        day = addDays(day, 1);
      }
      if (!isWorkingDay(result)) {
        wrong.push(date);
      }
    }
    expect(wrong).toEqual([]);
  });
});
