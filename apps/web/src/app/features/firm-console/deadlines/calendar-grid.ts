import {
  CalendarDate,
  addDays,
  addMonths,
  calendarDate,
  compareCalendarDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  parseCalendarDate,
} from '@moisson/domain';

/**
 * The arithmetic of the deadlines calendar, on calendar dates only (never local `Date` objects, so
 * nothing shifts by a day around the summer/winter time changes). Weeks start on Monday, as in
 * France.
 */
export type CalendarView = 'week' | 'month';

export interface CalendarDay {
  date: CalendarDate;
  /** Day of the month, 1-31. */
  day: number;
  /** False for the days of the previous/next month that fill the first and last weeks. */
  inMonth: boolean;
  isToday: boolean;
  isWeekend: boolean;
}

/** The days shown and the first/last day to ask the API for (both included). */
export interface CalendarRange {
  from: CalendarDate;
  to: CalendarDate;
}

/** The Monday of the week that holds `date`. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - dayOfWeek(date));
}

/** The first day of the month that holds `date`. */
export function firstOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = parseCalendarDate(date);
  return calendarDate(year, month, 1);
}

/** The range a view shows around `anchor`: its week, or every whole week that touches its month. */
export function calendarRange(
  view: CalendarView,
  anchor: CalendarDate,
): CalendarRange {
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 6) };
  }
  const first = firstOfMonth(anchor);
  const { year, month } = parseCalendarDate(first);
  const last = calendarDate(year, month, daysInMonth(year, month));
  const from = mondayOf(first);
  const to = addDays(mondayOf(last), 6);
  return { from, to };
}

/**
 * The grid of a view as rows of 7 days, Monday first: one row for a week, 4 to 6 rows for a month
 * (February 2027 starts on a Monday and has exactly 4).
 */
export function calendarWeeks(
  view: CalendarView,
  anchor: CalendarDate,
  today: CalendarDate,
): CalendarDay[][] {
  const { from, to } = calendarRange(view, anchor);
  const month = parseCalendarDate(anchor).month;
  const weeks: CalendarDay[][] = [];
  for (
    let start = from;
    compareCalendarDates(start, to) <= 0;
    start = addDays(start, 7)
  ) {
    weeks.push(
      Array.from({ length: 7 }, (_, index) => {
        const date = addDays(start, index);
        const parts = parseCalendarDate(date);
        return {
          date,
          day: parts.day,
          inMonth: view === 'week' || parts.month === month,
          isToday: date === today,
          isWeekend: index >= 5,
        };
      }),
    );
  }
  return weeks;
}

/** The anchor one week or one month before (`step` -1) or after (+1); a month keeps its 1st. */
export function shiftAnchor(
  view: CalendarView,
  anchor: CalendarDate,
  step: number,
): CalendarDate {
  return view === 'week'
    ? addDays(mondayOf(anchor), 7 * step)
    : addMonths(firstOfMonth(anchor), step);
}

/** Items grouped by their day (`dateOf`), in the order given. */
export function groupByDay<T>(
  items: readonly T[],
  dateOf: (item: T) => CalendarDate,
): ReadonlyMap<CalendarDate, T[]> {
  const byDay = new Map<CalendarDate, T[]>();
  for (const item of items) {
    const date = dateOf(item);
    const list = byDay.get(date);
    if (list) {
      list.push(item);
    } else {
      byDay.set(date, [item]);
    }
  }
  return byDay;
}

/** ISO 8601 week number (1-53): week 1 holds the year's first Thursday (and 4 January). */
export function isoWeekNumber(date: CalendarDate): number {
  const thursday = addDays(mondayOf(date), 3);
  const { year } = parseCalendarDate(thursday);
  const firstThursday = addDays(mondayOf(calendarDate(year, 1, 4)), 3);
  return daysBetween(firstThursday, thursday) / 7 + 1;
}
