import { parisToday } from './paris-today.util';

describe('parisToday', () => {
  it.each([
    // Winter time (UTC+1)
    ['2025-12-31T22:59:59.999Z', '2025-12-31'],
    ['2025-12-31T23:00:00.000Z', '2026-01-01'],
    ['2025-01-15T12:00:00.000Z', '2025-01-15'],
    // Night of the spring change (clocks go from 02:00 to 03:00 on 30 March 2025)
    ['2025-03-29T22:59:59.000Z', '2025-03-29'],
    ['2025-03-29T23:30:00.000Z', '2025-03-30'],
    // Summer time (UTC+2)
    ['2025-06-30T21:59:59.000Z', '2025-06-30'],
    ['2025-06-30T22:00:00.000Z', '2025-07-01'],
    // Leap day
    ['2024-02-28T23:00:00.000Z', '2024-02-29'],
    // Autumn change (26 October 2025)
    ['2025-10-25T22:00:00.000Z', '2025-10-26'],
    ['2025-10-26T22:59:00.000Z', '2025-10-26'],
    ['2025-10-26T23:00:00.000Z', '2025-10-27'],
  ])('at %s it is %s in Paris', (instant, expected) => {
    expect(parisToday(new Date(instant))).toBe(expected);
  });

  it('answers each instant right when asked in any order, the same second twice included', () => {
    const instants = [
      ['2025-12-31T22:59:59.000Z', '2025-12-31'],
      ['2025-12-31T22:59:59.999Z', '2025-12-31'],
      ['2025-12-31T23:00:00.000Z', '2026-01-01'],
      ['2025-12-31T23:00:00.500Z', '2026-01-01'],
      ['2025-12-31T22:59:59.500Z', '2025-12-31'],
      ['2025-06-30T22:00:00.000Z', '2025-07-01'],
      ['2025-06-30T21:59:59.999Z', '2025-06-30'],
      ['2025-06-30T21:59:59.001Z', '2025-06-30'],
    ] as const;
    for (const [instant, expected] of [
      ...instants,
      ...instants.slice().reverse(),
    ])
      expect({ instant, date: parisToday(new Date(instant)) }).toEqual({
        instant,
        date: expected,
      });
  });

  it('refuses an invalid instant', () => {
    expect(() => parisToday(new Date('not a date'))).toThrow(
      'parisToday needs a valid Date instant',
    );
  });
});
