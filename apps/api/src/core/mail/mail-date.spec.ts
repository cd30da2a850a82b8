import { formatParisDateTime } from './mail-date';

describe('formatParisDateTime', () => {
  it.each([
    // winter: UTC+1
    ['2026-01-15T08:05:00Z', '15/01/2026 09:05'],
    // summer: UTC+2
    ['2026-07-14T21:30:00.000Z', '14/07/2026 23:30'],
    // the night the clocks go forward (29 March 2026, 02:00 -> 03:00)
    ['2026-03-29T00:30:00Z', '29/03/2026 01:30'],
    ['2026-03-29T01:30:00Z', '29/03/2026 03:30'],
    // the evening of 31 December in UTC is already the new year in Paris
    ['2026-12-31T23:30:00Z', '01/01/2027 00:30'],
    // midnight is 00, not 24
    ['2026-02-01T23:00:00Z', '02/02/2026 00:00'],
    // an explicit offset is honoured
    ['2026-05-10T10:00:00+02:00', '10/05/2026 10:00'],
    ['2026-05-10T10:00:00-04:00', '10/05/2026 16:00'],
  ])('shows %s as %s (dd/mm/yyyy HH:mm, Europe/Paris)', (iso, shown) => {
    expect(formatParisDateTime(iso)).toBe(shown);
  });

  it.each([
    '',
    'tomorrow',
    '2026-03-15',
    '2026-03-15T10:00',
    '2026-13-45T10:00:00Z',
  ])(
    'refuses %p: a date without a time, an offset or a real calendar day is ambiguous',
    (value) => {
      expect(() => formatParisDateTime(value)).toThrow(RangeError);
    },
  );
});
