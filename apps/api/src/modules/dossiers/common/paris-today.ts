import { CalendarDate, parisToday } from '@moisson/domain';

/** Today's calendar date in Europe/Paris: the "today" of every deadline and date rule. */
export function todayInParis(): CalendarDate {
  return parisToday(new Date());
}
