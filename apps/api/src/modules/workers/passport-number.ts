/** Passport numbers are stored upper-case without spaces or dashes: "ab 123-4567" -> "AB1234567". */
export function normalisePassportNumber(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

export const PASSPORT_NUMBER_PATTERN = /^[A-Z0-9]{5,20}$/;
const MASK = '•';
const VISIBLE = 3;

/**
 * A passport number as lists show it: every character but the last 3 replaced by "•"
 * ("AB1234567" -> "••••••567"). Numbers of 3 characters or fewer are fully masked.
 */
export function maskPassportNumber(passportNumber: string): string {
  if (passportNumber.length <= VISIBLE)
    return MASK.repeat(passportNumber.length);
  return (
    MASK.repeat(passportNumber.length - VISIBLE) +
    passportNumber.slice(-VISIBLE)
  );
}
