import type {
  AnalyticsCsvName,
  AppealOutcome,
  AppealOutcomeResponse,
  ConvocationDelayResponse,
  Ratio,
  ReturningWorkersResponse,
  SeasonFunnelResponse,
  VisaRefusalResponse,
} from '@moisson/contract';
import { CSV_BOM, csvLine, CsvValue } from '../dossiers/dossier-csv';

/** A decimal as French Excel reads it: comma separator ("12,5"). */
export function frenchDecimal(value: number | null): string | null {
  return value === null ? null : String(value).replace('.', ',');
}

/** A ratio as a percentage with one decimal, comma separated ("33,3"); empty when undefined. */
function percent(value: Ratio): string | null {
  return value === null ? null : frenchDecimal(Math.round(value * 1000) / 10);
}

const OUTCOME_FR: Record<AppealOutcome, string> = {
  granted: 'Visa délivré',
  annulled: 'Refus annulé',
  rejected: 'Rejeté',
  rejected_implicit: 'Rejeté implicitement',
  pending: 'En cours',
};

export interface AnalyticsCsvData {
  'convocation-delays': ConvocationDelayResponse;
  'visa-refusals-by-consulate': VisaRefusalResponse;
  'visa-refusals-by-ground': VisaRefusalResponse;
  'appeal-outcomes': AppealOutcomeResponse;
  'season-funnel': SeasonFunnelResponse;
  'returning-workers': ReturningWorkersResponse;
}

/** Header and rows of each chart's CSV, in French. */
const TABLES: {
  [K in AnalyticsCsvName]: (data: AnalyticsCsvData[K]) => CsvValue[][];
} = {
  'convocation-delays': (d) => [
    [
      'Bureau OFII',
      'Mois de convocation',
      'Dossiers',
      'Médiane (jours)',
      '1er quartile (jours)',
      '3e quartile (jours)',
      'Minimum (jours)',
      'Maximum (jours)',
    ],
    ...d.rows.map((r) => [
      r.ofiiOffice,
      r.month,
      r.dossiers,
      frenchDecimal(r.medianDays),
      frenchDecimal(r.p25Days),
      frenchDecimal(r.p75Days),
      r.minDays,
      r.maxDays,
    ]),
  ],
  'visa-refusals-by-consulate': (d) => [
    ['Consulat', 'Décisions', 'Visas délivrés', 'Refus', 'Taux de refus (%)'],
    ...d.byConsulate.map((r) => [
      r.consulate,
      r.decisions,
      r.issued,
      r.refused,
      percent(r.refusalRate),
    ]),
  ],
  'visa-refusals-by-ground': (d) => [
    ['Motif', 'Code', 'Refus citant ce motif', 'Part des refus motivés (%)'],
    ...d.byGround.map((r) => [
      r.label.fr,
      r.ground,
      r.refusals,
      percent(r.share),
    ]),
  ],
  'appeal-outcomes': (d) => [
    ['Recours', 'Déposés', 'Issue', 'Nombre', 'Taux de succès (%)'],
    ...d.rows.flatMap((r) =>
      r.outcomes.map((o) => [
        r.body === 'crrv' ? 'CRRV' : 'Tribunal administratif de Nantes',
        r.filed,
        OUTCOME_FR[o.outcome],
        o.count,
        percent(r.successRate),
      ]),
    ),
  ],
  'season-funnel': (d) => [
    [
      'Étape',
      'Dossiers ayant atteint l’étape',
      'Dossiers à cette étape',
      'Part atteinte (%)',
    ],
    ...d.steps.map((s) => [
      s.label.fr,
      s.reached,
      s.current,
      percent(s.reachedShare),
    ]),
  ],
  'returning-workers': (d) => [
    ['Saison', 'Travailleurs', 'Revenus d’une saison précédente', 'Part (%)'],
    ...d.rows.map((r) => [r.season, r.workers, r.returning, percent(r.share)]),
  ],
};

/** The whole file: BOM, header, rows, CRLF (see dossier-csv.ts). */
export function analyticsCsv<K extends AnalyticsCsvName>(
  name: K,
  data: AnalyticsCsvData[K],
): string {
  return CSV_BOM + TABLES[name](data).map(csvLine).join('');
}
