/**
 * Thrown when a value is not a real calendar date written 'YYYY-MM-DD'
 * (wrong format, or a day that does not exist such as 2025-02-30).
 */
export class InvalidCalendarDateError extends Error {
  readonly code = 'DATE_INVALID';

  constructor(
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`Invalid calendar date ${JSON.stringify(value)}: ${reason}`);
    this.name = 'InvalidCalendarDateError';
  }
}
