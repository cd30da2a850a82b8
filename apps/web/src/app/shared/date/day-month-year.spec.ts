import { dayMonthYearValidator, parseDayMonthYear } from './day-month-year';
import { FormControl } from '@angular/forms';

describe('dates typed as dd/mm/yyyy', () => {
  it.each([
    ['29/03/2026', '2026-03-29'],
    ['5/3/2026', '2026-03-05'],
    [' 05.03.2026 ', '2026-03-05'],
    ['29-02-2028', '2028-02-29'],
  ])('%s is %s', (text, day) => {
    expect(parseDayMonthYear(text)).toBe(day);
  });

  it.each(['31/04/2026', '29/02/2026', '2026-03-29', '03/29/2026', 'hier', ''])(
    '%s is not a date',
    (text) => {
      expect(parseDayMonthYear(text)).toBeNull();
    },
  );

  it('validates a field: empty or a real day', () => {
    expect(dayMonthYearValidator(new FormControl(''))).toBeNull();
    expect(dayMonthYearValidator(new FormControl('29/03/2026'))).toBeNull();
    expect(dayMonthYearValidator(new FormControl('31/02/2026'))).toEqual({
      dayMonthYear: true,
    });
  });
});
