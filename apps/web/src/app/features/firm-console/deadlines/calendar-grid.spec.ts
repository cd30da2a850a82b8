import {
  calendarRange,
  calendarWeeks,
  groupByDay,
  isoWeekNumber,
  mondayOf,
  shiftAnchor,
} from './calendar-grid';

describe('calendar grid (weeks start on Monday)', () => {
  it('finds the Monday of a week from any of its days, across a month and a year end', () => {
    expect(mondayOf('2026-04-13')).toBe('2026-04-13'); // a Monday
    expect(mondayOf('2026-04-19')).toBe('2026-04-13'); // the Sunday after
    expect(mondayOf('2026-05-01')).toBe('2026-04-27'); // Friday 1 May
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // Friday 1 January
  });

  it('shows a week as one row from Monday to Sunday', () => {
    const weeks = calendarWeeks('week', '2026-03-29', '2026-03-26');
    expect(weeks).toHaveLength(1);
    expect(weeks[0].map((day) => day.date)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(weeks[0].filter((day) => day.isToday).map((d) => d.date)).toEqual([
      '2026-03-26',
    ]);
    expect(weeks[0].map((day) => day.isWeekend)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(weeks[0].every((day) => day.inMonth)).toBe(true);
  });

  it('fills a month with whole weeks: the days of the months around are marked out of the month', () => {
    // April 2026 starts on a Wednesday and ends on a Thursday: 5 rows, 30 March to 3 May.
    const weeks = calendarWeeks('month', '2026-04-17', '2026-04-17');
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0].date).toBe('2026-03-30');
    expect(weeks[4][6].date).toBe('2026-05-03');
    expect(weeks[0].slice(0, 2).every((day) => !day.inMonth)).toBe(true);
    expect(weeks[0][2]).toMatchObject({ date: '2026-04-01', inMonth: true });
    expect(weeks[4][3]).toMatchObject({ date: '2026-04-30', inMonth: true });
    expect(weeks[4][4]).toMatchObject({ date: '2026-05-01', inMonth: false });
    expect(weeks.flat().filter((day) => day.inMonth)).toHaveLength(30);
  });

  it('gives a month starting on a Monday no row of the month before, and a long month 6 rows', () => {
    // February 2027: Monday 1 to Sunday 28, exactly 4 rows.
    const february = calendarWeeks('month', '2027-02-10', '2027-02-10');
    expect(february).toHaveLength(4);
    expect(february[0][0]).toMatchObject({ date: '2027-02-01', inMonth: true });
    expect(february[3][6]).toMatchObject({ date: '2027-02-28', inMonth: true });
    // March 2026 starts on a Sunday: 23 February to 5 April, 6 rows.
    const march = calendarWeeks('month', '2026-03-01', '2026-03-01');
    expect(march).toHaveLength(6);
    expect(march[0][6]).toMatchObject({ date: '2026-03-01', inMonth: true });
    expect(march[5][1]).toMatchObject({ date: '2026-03-31', inMonth: true });
  });

  it('counts the 29th of February of a leap year', () => {
    const weeks = calendarWeeks('month', '2028-02-01', '2028-02-01');
    const inMonth = weeks.flat().filter((day) => day.inMonth);
    expect(inMonth).toHaveLength(29);
    expect(inMonth.at(-1)?.date).toBe('2028-02-29');
  });

  it('asks the API for exactly the days shown', () => {
    expect(calendarRange('week', '2026-12-31')).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
    expect(calendarRange('month', '2026-12-31')).toEqual({
      from: '2026-11-30',
      to: '2027-01-03',
    });
  });

  it('moves by a week or a month; a month move from the 31st does not skip a short month', () => {
    expect(shiftAnchor('week', '2026-03-26', 1)).toBe('2026-03-30');
    expect(shiftAnchor('week', '2026-03-26', -1)).toBe('2026-03-16');
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftAnchor('month', '2026-01-31', -1)).toBe('2025-12-01');
    expect(shiftAnchor('month', '2026-12-15', 1)).toBe('2027-01-01');
  });

  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeekNumber('2026-01-01')).toBe(1);
    expect(isoWeekNumber('2027-01-01')).toBe(53); // belongs to 2026's last week
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2025-12-29')).toBe(1); // belongs to 2026's first week
    expect(isoWeekNumber('2026-03-26')).toBe(13);
  });

  it('groups items by day, keeping their order', () => {
    const byDay = groupByDay(
      [
        { id: 'a', date: '2026-04-02' },
        { id: 'b', date: '2026-04-01' },
        { id: 'c', date: '2026-04-02' },
      ],
      (item) => item.date,
    );
    expect(byDay.get('2026-04-02')?.map((item) => item.id)).toEqual(['a', 'c']);
    expect(byDay.get('2026-04-01')?.map((item) => item.id)).toEqual(['b']);
    expect(byDay.has('2026-04-03')).toBe(false);
  });
});
