import { wrapLabel } from './chart.component';
import {
  ChartWords,
  appealOutcomesChart,
  convocationDelayChart,
  formatRatio,
  refusalsByConsulateChart,
  returningWorkersChart,
} from './analytics-charts';
import { cleanFilters } from './analytics.store';

const words = (lang: 'fr' | 'en'): ChartWords => ({
  lang,
  t: (key) => `[${key}]`,
});

describe('analytics charts', () => {
  it('draws one median line per office over the months, with gaps where an office had no convocation', () => {
    const chart = convocationDelayChart(
      {
        filters: {},
        rows: [
          {
            ofiiOffice: 'casablanca',
            month: '2026-01',
            dossiers: 4,
            medianDays: 61.5,
            p25Days: 40,
            p75Days: 80.25,
            minDays: 30,
            maxDays: 120,
          },
          {
            ofiiOffice: 'casablanca',
            month: '2026-03',
            dossiers: 1,
            medianDays: 45,
            p25Days: 45,
            p75Days: 45,
            minDays: 45,
            maxDays: 45,
          },
          {
            ofiiOffice: 'tunis',
            month: '2026-02',
            dossiers: 2,
            medianDays: 30,
            p25Days: 28,
            p75Days: 32,
            minDays: 26,
            maxDays: 34,
          },
        ],
      },
      words('fr'),
    );
    expect(chart.spec.labels).toEqual(['01/2026', '02/2026', '03/2026']);
    expect(chart.spec.series).toEqual([
      { label: '[ofiiOffices.casablanca]', data: [61.5, null, 45] },
      { label: '[ofiiOffices.tunis]', data: [null, 30, null] },
    ]);
    expect(chart.rows[0]).toEqual([
      '[ofiiOffices.casablanca]',
      '01/2026',
      '4',
      '61,5',
      '40 – 80,3',
      '30 – 120',
    ]);
    expect(chart.headers).toHaveLength(chart.rows[0].length);
    expect(chart.csv).toBe('convocation-delays');
  });

  it('shows refusal rates as percentages, a consulate with no decision as a gap and a dash', () => {
    const chart = refusalsByConsulateChart(
      {
        filters: {},
        totals: {
          decisions: 10,
          refused: 6,
          refusalRate: 0.6,
          refusalsWithGrounds: 5,
        },
        byConsulate: [
          {
            consulate: 'casablanca',
            decisions: 10,
            issued: 4,
            refused: 6,
            refusalRate: 0.6,
          },
          {
            consulate: null,
            decisions: 0,
            issued: 0,
            refused: 0,
            refusalRate: null,
          },
        ],
        byGround: [],
      },
      words('fr'),
    );
    expect(chart.spec).toMatchObject({ horizontal: true, percent: true });
    expect(chart.spec.series[0].data).toEqual([60, null]);
    expect(chart.rows[0]).toEqual([
      '[consulates.casablanca]',
      '10',
      '4',
      '6',
      '60\u00a0%',
    ]);
    expect(chart.rows[1]).toEqual([
      '[firmConsole.analytics.unknown]',
      '0',
      '0',
      '0',
      '—',
    ]);
  });

  it('stacks appeal outcomes per body, an outcome not reported counting 0', () => {
    const chart = appealOutcomesChart(
      {
        filters: {},
        rows: [
          {
            body: 'crrv',
            filed: 5,
            outcomes: [
              { outcome: 'granted', count: 1 },
              { outcome: 'rejected', count: 2 },
              { outcome: 'pending', count: 2 },
            ],
            successRate: 0.3333,
          },
        ],
      },
      words('en'),
    );
    expect(chart.spec.stacked).toBe(true);
    expect(chart.spec.series.map((s) => s.data[0])).toEqual([1, 0, 2, 0, 2]);
    expect(chart.rows[0]).toEqual([
      '[firmConsole.analytics.bodies.crrv]',
      '5',
      '1',
      '0',
      '2',
      '0',
      '2',
      '33.3%',
    ]);
  });

  it('gives the share of returning workers per season', () => {
    const chart = returningWorkersChart(
      {
        filters: {},
        rows: [
          { season: 2025, workers: 8, returning: 0, share: 0 },
          { season: 2026, workers: 10, returning: 7, share: 0.7 },
        ],
      },
      words('fr'),
    );
    expect(chart.spec.labels).toEqual(['2025', '2026']);
    expect(chart.spec.series[0].data).toEqual([0, 70]);
    expect(chart.rows[1]).toEqual(['2026', '10', '7', '70\u00a0%']);
  });

  it('formats ratios in each language', () => {
    expect(formatRatio(0.12345, 'fr')).toBe('12,3\u00a0%');
    expect(formatRatio(0.12345, 'en')).toBe('12.3%');
    expect(formatRatio(null, 'fr')).toBe('—');
  });

  it('sends only the filters that are set, département in capitals', () => {
    expect(
      cleanFilters({
        season: 0,
        departement: ' 2b ',
        ofiiOffice: '',
        employerId: undefined,
      }),
    ).toEqual({ departement: '2B' });
    expect(
      cleanFilters({ season: 2026, ofiiOffice: 'tunis', employerId: 'e-1' }),
    ).toEqual({ season: 2026, ofiiOffice: 'tunis', employerId: 'e-1' });
  });
});

describe('wrapLabel', () => {
  it('puts long category names on lines of at most 18 characters, whole words kept', () => {
    expect(wrapLabel('Informations incomplètes ou non fiables')).toEqual([
      'Informations',
      'incomplètes ou non',
      'fiables',
    ]);
    expect(wrapLabel('Tunis (Tunisie)')).toEqual(['Tunis (Tunisie)']);
  });
});
