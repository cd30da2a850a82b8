import { CONTRACT_TYPE_LABELS, DossierListItem } from '@moisson/contract';
import {
  COMPUTED_DEADLINE_NOTICE,
  DOSSIER_STAGE_LABELS,
  DOSSIER_STATE_LABELS,
  formatFrenchDate,
  parisToday,
} from '@moisson/domain';

/**
 * CSV that French Excel opens as it is: UTF-8 with a byte order mark (else accents break),
 * semicolons (the comma is the French decimal separator), CRLF line ends, dates dd/mm/yyyy.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe; text holding the separator, a quote or a line break
 * is quoted, quotes doubled. Numbers are written as they are; booleans as "oui" / "non".
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(CSV_SEPARATOR) + CSV_LINE_END;
}

function frenchDate(date: string | null): string | null {
  return date === null ? null : formatFrenchDate(date);
}

export const DOSSIER_CSV_HEADER: readonly string[] = [
  'Nom',
  'Prénoms',
  'Nationalité',
  'Passeport',
  'Campagne',
  'Saison',
  'Poste',
  'Contrat',
  'Début prévu',
  'Fin prévue',
  'Étape',
  'État',
  'Depuis le',
  'Bureau OFII',
  'Consulat',
  "N° d'autorisation de travail",
  'Convocation OFII en retard',
  "Jours d'attente OFII",
  'Échéance légale',
  `Date limite (${COMPUTED_DEADLINE_NOTICE.fr})`,
  'Jours restants',
];

/** One dossier as a CSV row, in French; the passport number stays masked as in the list. */
export function dossierCsvValues(d: DossierListItem): CsvValue[] {
  return [
    d.worker.surname,
    d.worker.givenNames,
    d.worker.nationality,
    d.worker.passportNumberMasked,
    d.campaign?.name ?? null,
    d.season,
    d.jobTitle,
    CONTRACT_TYPE_LABELS[d.contractType].fr,
    frenchDate(d.plannedStart),
    frenchDate(d.plannedEnd),
    DOSSIER_STAGE_LABELS[d.stage].fr,
    DOSSIER_STATE_LABELS[d.state].fr,
    formatFrenchDate(parisToday(new Date(d.stateChangedAt))),
    d.ofiiOffice,
    d.consulate,
    d.permitNumber,
    d.convocationOverdue,
    d.daysWaitingForConvocation,
    d.legalDeadline?.label.fr ?? null,
    frenchDate(d.legalDeadline?.dueDate ?? null),
    d.legalDeadline?.daysLeft ?? null,
  ];
}
