import {
  addDays,
  addMonths,
  CalendarDate,
  parseCalendarDate,
} from '../calendar/calendar-date.util';
import { nextWorkingDay } from '../holidays/working-day.util';
import {
  DeadlineUnit,
  LEGAL_DEADLINE_KINDS,
  LEGAL_DEADLINE_RULES,
  LegalDeadlineKind,
} from './legal-deadline-rule.model';

export interface LegalDeadlineOptions {
  /** Length in months ordered by the court; only for the `injunction` kind (default 2). */
  readonly months?: number;
}

export interface LegalDeadlineComputation {
  readonly kind: LegalDeadlineKind;
  readonly startDate: CalendarDate;
  readonly length: number;
  readonly unit: DeadlineUnit;
  /** Start date + length, before any roll-forward. */
  readonly nominalDate: CalendarDate;
  /** The date to show: the nominal date, moved to the next working day when the rule says so. */
  readonly dueDate: CalendarDate;
  /** True when the due date was moved off a Saturday, Sunday or public holiday. */
  readonly rolled: boolean;
}

export const MAX_INJUNCTION_MONTHS = 24;

function lengthFor(
  kind: LegalDeadlineKind,
  options: LegalDeadlineOptions,
): number {
  const rule = LEGAL_DEADLINE_RULES[kind];
  if (options.months === undefined) {
    return rule.length;
  }
  if (!rule.lengthEditable) {
    throw new RangeError(
      `The length of a ${kind} deadline is fixed by law and cannot be overridden`,
    );
  }
  const months = options.months;
  if (
    !Number.isInteger(months) ||
    months < 1 ||
    months > MAX_INJUNCTION_MONTHS
  ) {
    throw new RangeError(
      `An injunction length must be a whole number of months between 1 and ${MAX_INJUNCTION_MONTHS}, got ${months}`,
    );
  }
  return months;
}

/**
 * Computes a legal deadline. The start date is day 0; a length in days ends N days later,
 * a length in months on the same day number N months later (or the last day of that month).
 * A last day to act falling on a Saturday, Sunday or French public holiday moves to the next
 * working day; the date an implicit decision arises is never moved.
 */
export function computeLegalDeadline(
  kind: LegalDeadlineKind,
  startDate: CalendarDate,
  options: LegalDeadlineOptions = {},
): LegalDeadlineComputation {
  if (!LEGAL_DEADLINE_KINDS.includes(kind)) {
    throw new RangeError(`Unknown legal deadline kind: ${String(kind)}`);
  }
  parseCalendarDate(startDate);
  const rule = LEGAL_DEADLINE_RULES[kind];
  const length = lengthFor(kind, options);
  const nominalDate =
    rule.unit === 'days'
      ? addDays(startDate, length)
      : addMonths(startDate, length);
  const dueDate = rule.rollsToWorkingDay
    ? nextWorkingDay(nominalDate)
    : nominalDate;
  return {
    kind,
    startDate,
    length,
    unit: rule.unit,
    nominalDate,
    dueDate,
    rolled: dueDate !== nominalDate,
  };
}

/** The due date ('YYYY-MM-DD') of a legal deadline; see {@link computeLegalDeadline}. */
export function deadlineFor(
  kind: LegalDeadlineKind,
  startDate: CalendarDate,
  options?: LegalDeadlineOptions,
): CalendarDate {
  return computeLegalDeadline(kind, startDate, options).dueDate;
}
