import {
  formatParis,
  formatParisDate,
  formatParisDateTime,
  formatParisTime,
} from './paris-date-format';
import { ParisDatePipe } from './paris-date.pipe';

describe('Paris date formatting', () => {
  describe('around the switch to summer time (Sunday 29 March 2026, 02:00 CET -> 03:00 CEST)', () => {
    it.each([
      ['2026-03-28T23:30:00Z', '29/03/2026 00:30'],
      ['2026-03-29T00:30:00Z', '29/03/2026 01:30'],
      ['2026-03-29T00:59:00Z', '29/03/2026 01:59'],
      ['2026-03-29T01:00:00Z', '29/03/2026 03:00'],
      ['2026-03-29T01:30:00Z', '29/03/2026 03:30'],
    ])('%s is %s in Paris', (instant, expected) => {
      expect(formatParisDateTime(instant)).toBe(expected);
    });
  });

  describe('around the switch back to winter time (Sunday 25 October 2026, 03:00 CEST -> 02:00 CET)', () => {
    it.each([
      ['2026-10-24T23:30:00Z', '25/10/2026 01:30'],
      ['2026-10-25T00:30:00Z', '25/10/2026 02:30'],
      // The hour from 02:00 to 03:00 happens twice.
      ['2026-10-25T01:30:00Z', '25/10/2026 02:30'],
      ['2026-10-25T02:00:00Z', '25/10/2026 03:00'],
    ])('%s is %s in Paris', (instant, expected) => {
      expect(formatParisDateTime(instant)).toBe(expected);
    });
  });

  it('moves an evening UTC instant to the next day, month and year in Paris', () => {
    expect(formatParisDateTime('2026-12-31T23:30:00Z')).toBe(
      '01/01/2027 00:30',
    );
    expect(formatParisDate('2026-07-14T22:15:00Z')).toBe('15/07/2026');
    expect(formatParisTime('2026-07-14T22:15:00Z')).toBe('00:15');
  });

  it('writes hours on 24 hours with two digits', () => {
    expect(formatParisTime('2026-01-05T13:05:00Z')).toBe('14:05');
    expect(formatParisTime('2026-01-04T23:00:00Z')).toBe('00:00');
  });

  it('accepts Date objects, epoch milliseconds and offsets other than UTC', () => {
    expect(formatParisDateTime(new Date(Date.UTC(2026, 1, 28, 11, 0)))).toBe(
      '28/02/2026 12:00',
    );
    expect(formatParisDateTime(Date.UTC(2028, 1, 29, 8, 45))).toBe(
      '29/02/2028 09:45',
    );
    expect(formatParisDateTime('2026-06-01T09:00:00+05:30')).toBe(
      '01/06/2026 05:30',
    );
  });

  it('shows a calendar day (a deadline) as that day, never shifted by a time zone', () => {
    expect(formatParisDate('2026-03-29')).toBe('29/03/2026');
    expect(formatParisDate('2026-01-01')).toBe('01/01/2026');
    expect(formatParisTime('2026-03-29')).toBe('');
  });

  it('does not depend on the time zone of the computer', () => {
    const original = process.env['TZ'];
    try {
      process.env['TZ'] = 'America/Los_Angeles';
      expect(formatParisDateTime('2026-03-29T01:30:00Z')).toBe(
        '29/03/2026 03:30',
      );
      process.env['TZ'] = 'Asia/Tokyo';
      expect(formatParisDateTime('2026-03-29T01:30:00Z')).toBe(
        '29/03/2026 03:30',
      );
    } finally {
      process.env['TZ'] = original;
    }
  });

  it('shows nothing rather than "Invalid Date" for a missing or unreadable value', () => {
    expect(formatParis(null, 'dateTime')).toBe('');
    expect(formatParis(undefined, 'date')).toBe('');
    expect(formatParis('', 'date')).toBe('');
    expect(formatParis('not a date', 'dateTime')).toBe('');
  });

  it('is available in templates as the moiParisDate pipe (date by default)', () => {
    const pipe = new ParisDatePipe();
    expect(pipe.transform('2026-03-29T00:30:00Z')).toBe('29/03/2026');
    expect(pipe.transform('2026-03-29T00:30:00Z', 'time')).toBe('01:30');
    expect(pipe.transform('2026-03-29T00:30:00Z', 'dateTime')).toBe(
      '29/03/2026 01:30',
    );
  });
});
