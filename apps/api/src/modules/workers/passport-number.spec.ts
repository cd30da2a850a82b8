import {
  maskPassportNumber,
  normalisePassportNumber,
  PASSPORT_NUMBER_PATTERN,
} from './passport-number';

describe('passport numbers', () => {
  it('are normalised to upper case without spaces or dashes', () => {
    expect(normalisePassportNumber(' ab 123-4567 ')).toBe('AB1234567');
    expect(normalisePassportNumber('X123456')).toBe('X123456');
    expect(PASSPORT_NUMBER_PATTERN.test('AB1234567')).toBe(true);
    expect(PASSPORT_NUMBER_PATTERN.test('AB12/4567')).toBe(false);
    expect(PASSPORT_NUMBER_PATTERN.test('AB1')).toBe(false);
  });

  it('are masked but for their last 3 characters, keeping their length', () => {
    expect(maskPassportNumber('AB1234567')).toBe('••••••567');
    expect(maskPassportNumber('AB1234567')).toHaveLength(9);
    expect(maskPassportNumber('X12345')).toBe('•••345');
    expect(maskPassportNumber('ABCD')).toBe('•BCD');
  });

  it('never show a short number in full', () => {
    expect(maskPassportNumber('123')).toBe('•••');
    expect(maskPassportNumber('')).toBe('');
  });
});
