import { analyticsCsv, frenchDecimal } from './analytics-csv';
import { ratio } from './analytics.service';

describe('analytics CSV', () => {
  it('writes decimals with a comma and ratios rounded to 4 decimals', () => {
    expect(frenchDecimal(49.5)).toBe('49,5');
    expect(frenchDecimal(45)).toBe('45');
    expect(frenchDecimal(null)).toBeNull();
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(1, 0)).toBeNull();
  });

  it('writes a BOM, French headers, semicolons, CRLF and percentages with one decimal', () => {
    const text = analyticsCsv('returning-workers', {
      filters: {},
      rows: [
        { season: 2026, workers: 3, returning: 2, share: ratio(2, 3) },
        { season: 2027, workers: 0, returning: 0, share: null },
      ],
    });
    expect(text).toBe(
      '\uFEFFSaison;Travailleurs;Revenus d’une saison précédente;Part (%)\r\n' +
        '2026;3;2;66,7\r\n' +
        '2027;0;0;\r\n',
    );
  });

  it('defuses a consulate name a spreadsheet would run as a formula', () => {
    const text = analyticsCsv('visa-refusals-by-consulate', {
      filters: {},
      totals: {
        decisions: 1,
        refused: 1,
        refusalRate: 1,
        refusalsWithGrounds: 0,
      },
      byConsulate: [
        {
          consulate: '=HYPERLINK("x")',
          decisions: 1,
          issued: 0,
          refused: 1,
          refusalRate: 1,
        },
      ],
      byGround: [],
    });
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")";1;0;1;100`);
  });
});
