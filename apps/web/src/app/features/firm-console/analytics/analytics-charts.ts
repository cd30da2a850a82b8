import {
  APPEAL_OUTCOMES,
  AnalyticsCsvName,
  AppealOutcomeResponse,
  ConvocationDelayResponse,
  Ratio,
  ReturningWorkersResponse,
  SeasonFunnelResponse,
  VisaRefusalResponse,
} from '@moisson/contract';
import { AppLanguage } from '../../../core/i18n/app-language';
import { ChartSpec } from './chart.component';

/** One chart of the analytics page: what to draw, the same figures as a table, and its CSV. */
export interface AnalyticsChart {
  csv: AnalyticsCsvName;
  /** Translation key of the title (also the table's caption). */
  titleKey: string;
  spec: ChartSpec;
  /** Column titles, already translated. */
  headers: string[];
  /** Cells, formatted for the reader's language. */
  rows: string[][];
}

/** What the transforms need from the page: its language and translations. */
export interface ChartWords {
  lang: AppLanguage;
  t: (key: string) => string;
}

const DASH = '—';

export function formatNumber(value: number | null, lang: AppLanguage): string {
  if (value === null || Number.isNaN(value)) {
    return DASH;
  }
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    maximumFractionDigits: 1,
  }).format(value);
}

/** A 0-1 ratio as "37,5 %" (French) or "37.5%" (English). */
export function formatRatio(ratio: Ratio, lang: AppLanguage): string {
  if (ratio === null) {
    return DASH;
  }
  const value = formatNumber(Math.round(ratio * 1000) / 10, lang);
  return lang === 'en' ? `${value}%` : `${value}\u00a0%`;
}

/** A ratio as a percentage for the chart's axis (null stays a gap). */
export function percent(ratio: Ratio): number | null {
  return ratio === null ? null : Math.round(ratio * 1000) / 10;
}

/** '2026-03' as "03/2026", the way dates read in the product. */
export function monthLabel(month: string): string {
  const [year, mm] = month.split('-');
  return `${mm}/${year}`;
}

function office(code: string | null, words: ChartWords): string {
  return code
    ? words.t(`ofiiOffices.${code}`)
    : words.t('firmConsole.analytics.unknown');
}

function consulate(code: string | null, words: ChartWords): string {
  return code
    ? words.t(`consulates.${code}`)
    : words.t('firmConsole.analytics.unknown');
}

/** Median days from work permit to convocation, one line per office over the months. */
export function convocationDelayChart(
  answer: ConvocationDelayResponse,
  words: ChartWords,
): AnalyticsChart {
  const { lang, t } = words;
  const months = [...new Set(answer.rows.map((row) => row.month))].sort();
  const offices = [...new Set(answer.rows.map((row) => row.ofiiOffice))];
  const n = (value: number) => formatNumber(value, lang);
  return {
    csv: 'convocation-delays',
    titleKey: 'firmConsole.analytics.charts.convocationDelays',
    spec: {
      kind: 'line',
      labels: months.map(monthLabel),
      series: offices.map((code) => ({
        label: office(code, words),
        data: months.map(
          (month) =>
            answer.rows.find(
              (row) => row.ofiiOffice === code && row.month === month,
            )?.medianDays ?? null,
        ),
      })),
    },
    headers: [
      'office',
      'month',
      'dossiers',
      'median',
      'quartiles',
      'range',
    ].map((key) => t(`firmConsole.analytics.columns.${key}`)),
    rows: answer.rows.map((row) => [
      office(row.ofiiOffice, words),
      monthLabel(row.month),
      n(row.dossiers),
      n(row.medianDays),
      `${n(row.p25Days)} – ${n(row.p75Days)}`,
      `${n(row.minDays)} – ${n(row.maxDays)}`,
    ]),
  };
}

/** Share of visa decisions that were refusals, per consulate. */
export function refusalsByConsulateChart(
  answer: VisaRefusalResponse,
  words: ChartWords,
): AnalyticsChart {
  const { lang, t } = words;
  return {
    csv: 'visa-refusals-by-consulate',
    titleKey: 'firmConsole.analytics.charts.refusalsByConsulate',
    spec: {
      kind: 'bar',
      horizontal: true,
      percent: true,
      labels: answer.byConsulate.map((row) => consulate(row.consulate, words)),
      series: [
        {
          label: t('firmConsole.analytics.columns.refusalRate'),
          data: answer.byConsulate.map((row) => percent(row.refusalRate)),
        },
      ],
    },
    headers: ['consulate', 'decisions', 'issued', 'refused', 'refusalRate'].map(
      (key) => t(`firmConsole.analytics.columns.${key}`),
    ),
    rows: answer.byConsulate.map((row) => [
      consulate(row.consulate, words),
      formatNumber(row.decisions, lang),
      formatNumber(row.issued, lang),
      formatNumber(row.refused, lang),
      formatRatio(row.refusalRate, lang),
    ]),
  };
}

/** How often each ground is ticked on a refusal. */
export function refusalsByGroundChart(
  answer: VisaRefusalResponse,
  words: ChartWords,
): AnalyticsChart {
  const { lang, t } = words;
  return {
    csv: 'visa-refusals-by-ground',
    titleKey: 'firmConsole.analytics.charts.refusalsByGround',
    spec: {
      kind: 'bar',
      horizontal: true,
      labels: answer.byGround.map((row) => row.label[lang]),
      series: [
        {
          label: t('firmConsole.analytics.columns.refusals'),
          data: answer.byGround.map((row) => row.refusals),
        },
      ],
    },
    headers: ['ground', 'refusals', 'share'].map((key) =>
      t(`firmConsole.analytics.columns.${key}`),
    ),
    rows: answer.byGround.map((row) => [
      row.label[lang],
      formatNumber(row.refusals, lang),
      formatRatio(row.share, lang),
    ]),
  };
}

/** CRRV and court appeals by outcome, stacked. */
export function appealOutcomesChart(
  answer: AppealOutcomeResponse,
  words: ChartWords,
): AnalyticsChart {
  const { lang, t } = words;
  const count = (row: AppealOutcomeResponse['rows'][number], outcome: string) =>
    row.outcomes.find((entry) => entry.outcome === outcome)?.count ?? 0;
  return {
    csv: 'appeal-outcomes',
    titleKey: 'firmConsole.analytics.charts.appealOutcomes',
    spec: {
      kind: 'bar',
      horizontal: true,
      stacked: true,
      labels: answer.rows.map((row) =>
        t(`firmConsole.analytics.bodies.${row.body}`),
      ),
      series: APPEAL_OUTCOMES.map((outcome) => ({
        label: t(`firmConsole.analytics.outcomes.${outcome}`),
        data: answer.rows.map((row) => count(row, outcome)),
      })),
    },
    headers: [
      t('firmConsole.analytics.columns.appeal'),
      t('firmConsole.analytics.columns.filed'),
      ...APPEAL_OUTCOMES.map((outcome) =>
        t(`firmConsole.analytics.outcomes.${outcome}`),
      ),
      t('firmConsole.analytics.columns.successRate'),
    ],
    rows: answer.rows.map((row) => [
      t(`firmConsole.analytics.bodies.${row.body}`),
      formatNumber(row.filed, lang),
      ...APPEAL_OUTCOMES.map((outcome) =>
        formatNumber(count(row, outcome), lang),
      ),
      formatRatio(row.successRate, lang),
    ]),
  };
}

/** The season's dossiers: how many reached each stage, and how many are in it today. */
export function seasonFunnelChart(
  answer: SeasonFunnelResponse,
  words: ChartWords,
): AnalyticsChart {
  const { lang, t } = words;
  return {
    csv: 'season-funnel',
    titleKey: 'firmConsole.analytics.charts.seasonFunnel',
    spec: {
      kind: 'bar',
      labels: answer.steps.map((step) => step.label[lang]),
      series: [
        {
          label: t('firmConsole.analytics.columns.reached'),
          data: answer.steps.map((step) => step.reached),
        },
        {
          label: t('firmConsole.analytics.columns.current'),
          data: answer.steps.map((step) => step.current),
        },
      ],
    },
    headers: ['stage', 'reached', 'reachedShare', 'current'].map((key) =>
      t(`firmConsole.analytics.columns.${key}`),
    ),
    rows: answer.steps.map((step) => [
      step.label[lang],
      formatNumber(step.reached, lang),
      formatRatio(step.reachedShare, lang),
      formatNumber(step.current, lang),
    ]),
  };
}

/** Share of each season's workers who had worked an earlier season. */
export function returningWorkersChart(
  answer: ReturningWorkersResponse,
  words: ChartWords,
): AnalyticsChart {
  const { lang, t } = words;
  return {
    csv: 'returning-workers',
    titleKey: 'firmConsole.analytics.charts.returningWorkers',
    spec: {
      kind: 'bar',
      percent: true,
      labels: answer.rows.map((row) => String(row.season)),
      series: [
        {
          label: t('firmConsole.analytics.columns.returningShare'),
          data: answer.rows.map((row) => percent(row.share)),
        },
      ],
    },
    headers: ['season', 'workers', 'returning', 'returningShare'].map((key) =>
      t(`firmConsole.analytics.columns.${key}`),
    ),
    rows: answer.rows.map((row) => [
      String(row.season),
      formatNumber(row.workers, lang),
      formatNumber(row.returning, lang),
      formatRatio(row.share, lang),
    ]),
  };
}
