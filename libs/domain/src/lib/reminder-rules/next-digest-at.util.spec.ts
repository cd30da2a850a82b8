import { nextDigestAt, parisWallClockInstant } from './next-digest-at.util';

const at = (iso: string): string => nextDigestAt(new Date(iso)).toISOString();

const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

describe('nextDigestAt: 07:00 Europe/Paris at or after now', () => {
  it('in winter (UTC+1) is 06:00 UTC', () => {
    expect(at('2025-01-15T05:59:59.999Z')).toBe('2025-01-15T06:00:00.000Z');
    expect(at('2025-01-15T06:00:00.000Z')).toBe('2025-01-15T06:00:00.000Z');
    expect(at('2025-01-15T06:00:00.001Z')).toBe('2025-01-16T06:00:00.000Z');
  });

  it('in summer (UTC+2) is 05:00 UTC', () => {
    expect(at('2025-07-01T04:59:00Z')).toBe('2025-07-01T05:00:00.000Z');
    expect(at('2025-07-01T05:00:01Z')).toBe('2025-07-02T05:00:00.000Z');
  });

  it('takes the Paris date, not the UTC date, around midnight', () => {
    // 23:30 UTC on 14 Jan is 00:30 in Paris on 15 Jan.
    expect(at('2025-01-14T23:30:00Z')).toBe('2025-01-15T06:00:00.000Z');
    // 22:30 UTC on 1 July is 00:30 in Paris on 2 July.
    expect(at('2025-07-01T22:30:00Z')).toBe('2025-07-02T05:00:00.000Z');
    // 22:30 UTC on 1 January is 23:30 in Paris, still 1 January.
    expect(at('2025-01-01T22:30:00Z')).toBe('2025-01-02T06:00:00.000Z');
  });

  it('through the week of the March change (Sunday 30/03/2025, 02:00 -> 03:00)', () => {
    const week = [
      ['2025-03-27T07:00:00Z', '2025-03-28T06:00:00.000Z'],
      ['2025-03-28T07:00:00Z', '2025-03-29T06:00:00.000Z'],
      // Saturday 07:30 (CET) -> Sunday 07:00 (CEST), only 23 hours later
      ['2025-03-29T06:30:00Z', '2025-03-30T05:00:00.000Z'],
      // Sunday 01:30 CET, before the change, and 03:30 CEST, after it
      ['2025-03-30T00:30:00Z', '2025-03-30T05:00:00.000Z'],
      ['2025-03-30T01:30:00Z', '2025-03-30T05:00:00.000Z'],
      ['2025-03-30T05:00:00Z', '2025-03-30T05:00:00.000Z'],
      ['2025-03-30T05:30:00Z', '2025-03-31T05:00:00.000Z'],
      ['2025-03-31T06:00:00Z', '2025-04-01T05:00:00.000Z'],
    ];
    expect(week.map(([now]) => [now, at(now)])).toEqual(week);
  });

  it('through the week of the October change (Sunday 26/10/2025, 03:00 -> 02:00)', () => {
    const week = [
      ['2025-10-24T06:00:00Z', '2025-10-25T05:00:00.000Z'],
      // Saturday 07:30 (CEST) -> Sunday 07:00 (CET), 25 hours later
      ['2025-10-25T05:30:00Z', '2025-10-26T06:00:00.000Z'],
      // Sunday 02:30 CEST, then 02:30 CET (the repeated hour)
      ['2025-10-26T00:30:00Z', '2025-10-26T06:00:00.000Z'],
      ['2025-10-26T01:30:00Z', '2025-10-26T06:00:00.000Z'],
      ['2025-10-26T05:00:00Z', '2025-10-26T06:00:00.000Z'],
      ['2025-10-26T06:00:00Z', '2025-10-26T06:00:00.000Z'],
      ['2025-10-26T06:00:01Z', '2025-10-27T06:00:00.000Z'],
      ['2025-10-28T05:30:00Z', '2025-10-28T06:00:00.000Z'],
    ];
    expect(week.map(([now]) => [now, at(now)])).toEqual(week);
  });

  it('over every hour of 2025 and 2026: 07:00:00 in Paris, at or after now, less than 25 hours ahead', () => {
    const wrong: string[] = [];
    const start = Date.UTC(2025, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    for (let t = start; t < end; t += 3_600_000 + 61_000) {
      const next = nextDigestAt(new Date(t));
      const ahead = next.getTime() - t;
      if (
        parisClock.format(next) !== '07:00:00' ||
        ahead < 0 ||
        ahead >= 25 * 3_600_000
      ) {
        wrong.push(new Date(t).toISOString());
      }
    }
    expect(wrong).toEqual([]);
  });

  it("does not depend on the machine's time zone", () => {
    const saved = process.env['TZ'];
    try {
      process.env['TZ'] = 'America/New_York';
      expect(at('2025-03-29T06:30:00Z')).toBe('2025-03-30T05:00:00.000Z');
      process.env['TZ'] = 'Asia/Tokyo';
      expect(at('2025-10-25T05:30:00Z')).toBe('2025-10-26T06:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('refuses an invalid instant', () => {
    expect(() => nextDigestAt(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('parisWallClockInstant', () => {
  it('gives the instant of a Paris wall-clock hour on both sides of each change', () => {
    expect(parisWallClockInstant('2025-03-29', 7).toISOString()).toBe(
      '2025-03-29T06:00:00.000Z',
    );
    expect(parisWallClockInstant('2025-03-30', 7).toISOString()).toBe(
      '2025-03-30T05:00:00.000Z',
    );
    expect(parisWallClockInstant('2025-10-26', 7).toISOString()).toBe(
      '2025-10-26T06:00:00.000Z',
    );
    expect(parisWallClockInstant('2025-10-26', 0).toISOString()).toBe(
      '2025-10-25T22:00:00.000Z',
    );
  });
});
