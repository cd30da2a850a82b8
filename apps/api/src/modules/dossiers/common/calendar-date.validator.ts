import { InvalidCalendarDateError, parseCalendarDate } from '@moisson/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** Why a value is not a real 'YYYY-MM-DD' date, or null when it is one. */
export function calendarDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'expected a string as YYYY-MM-DD';
  try {
    parseCalendarDate(value);
    return null;
  } catch (error) {
    if (error instanceof InvalidCalendarDateError) return error.reason;
    throw error;
  }
}

/**
 * A real calendar date written 'YYYY-MM-DD' (checked by @moisson/domain): 2027-02-30 is refused
 * with a message naming the field and the reason ("day 30 does not exist in February 2027").
 */
export function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => calendarDateProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property ?? propertyName} must be a real date as YYYY-MM-DD: ${calendarDateProblem(args?.value)}`,
      },
    });
}
