import { parseImportDate } from './import-date';

describe('parseImportDate', () => {
  it.each([
    ['14/03/1991', '1991-03-14'],
    ['4/3/1991', '1991-03-04'],
    ['04.03.1991', '1991-03-04'],
    ['1991-03-14', '1991-03-14'],
    ['1991-3-4', '1991-03-04'],
    [' 29/02/2028 ', '2028-02-29'],
    ['31/12/2027', '2027-12-31'],
  ])('reads %s as %s', (text, date) => {
    expect(parseImportDate(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['31/02/2027', 'day 31 does not exist in February 2027'],
    ['29/02/2027', 'day 29 does not exist in February 2027'],
    ['01/13/2027', 'month must be between 01 and 12'],
    ['2027-04-31', 'day 31 does not exist in April 2027'],
    ['00/01/2027', 'day 0 does not exist in January 2027'],
  ])('refuses the impossible %s', (text, detail) => {
    expect(parseImportDate(text)).toEqual({
      ok: false,
      reason: 'impossible',
      detail: expect.stringContaining(detail),
    });
  });

  it.each(['', 'demain', '14/03/91', '1991/03/14', '14-03', '45123'])(
    'refuses %j as not a date',
    (text) => {
      expect(parseImportDate(text)).toMatchObject({
        ok: false,
        reason: 'format',
      });
    },
  );
});

describe('parseImportDate in an .xlsx (Excel serials)', () => {
  it.each([
    ['46460', 1900, '2027-03-14'],
    ['46460.99', 1900, '2027-03-14'],
    ['33311', 1900, '1991-03-14'],
    ['61', 1900, '1900-03-01'],
    ['59', 1900, '1900-02-28'],
    ['1', 1900, '1900-01-01'],
    ['44998', 1904, '2027-03-14'],
    ['0', 1904, '1904-01-01'],
    ['2958465', 1900, '9999-12-31'],
    ['14/03/2027', 1900, '2027-03-14'],
  ] as const)('reads %s (%i system) as %s', (text, system, date) => {
    expect(parseImportDate(text, system)).toEqual({ ok: true, date });
  });

  it('refuses the 29 February 1900 Excel counts, and numbers out of its calendar', () => {
    expect(parseImportDate('60', 1900)).toMatchObject({
      ok: false,
      reason: 'impossible',
    });
    for (const text of ['0', '2958466', '-5', '1e5'])
      expect(parseImportDate(text, 1900)).toMatchObject({
        ok: false,
        reason: 'format',
      });
  });

  it('keeps refusing a number as a date in a CSV', () => {
    expect(parseImportDate('46460')).toMatchObject({ ok: false });
  });
});
