import type { BilingualText } from '@moisson/domain';
import type { ApiErrorDetail } from './api-error';

/**
 * Import of hires from a spreadsheet (CSV or .xlsx), under /api/employers/:employerId/imports/...
 *
 * Stateless, in two calls that take the same multipart/form-data body:
 *  1. `POST .../imports/preview` (`employer.read`): reads the file, suggests a column mapping, checks
 *     every row with the rules of worker and dossier creation and answers every row with its errors.
 *     Nothing is written.
 *  2. `POST .../imports/commit` (`employer.dossiers.write`): the client sends the file (and mapping)
 *     again; the rows are checked again; if any is invalid the answer is a 422 `UNPROCESSABLE` whose
 *     `details` are `ImportRowError`s, unless `skipInvalidRows=true`. Then, in ONE transaction, a
 *     worker (and a DRAFT dossier when dossier columns are mapped) is created per valid row. A row whose
 *     passport number already exists at this employer is skipped: importing a file twice adds nothing.
 *
 * Files, recognised by their bytes (never by their name): CSV in UTF-8 (with or without BOM) or
 * Windows-1252, `,` `;` or tab between cells, all detected; or an .xlsx workbook, whose FIRST sheet
 * is read (date cells become yyyy-mm-dd, the day Excel shows; numbers keep their exact digits; a
 * number in a date column is read as an Excel date serial). A header row then one row per worker.
 * Dates as dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd. A workbook that unpacks to more than 50 MB (zip
 * bomb) is a 413; one whose first sheet reaches past row 100,000 (or 2,000,000 cells) a 400.
 * An .xls, .ods or any other file is a 415.
 *
 * Multipart parts (`ImportFormFields`): `file` (required, at most `IMPORT_MAX_FILE_BYTES`), and the
 * optional text parts `mapping`, `campaignId`, `season`, `skipInvalidRows`.
 *
 * Errors: 400 `BAD_REQUEST` (no file, empty file, bad `mapping` JSON, unknown field or header in the
 * mapping, unreadable file, more than `IMPORT_MAX_ROWS` rows), 413 `PAYLOAD_TOO_LARGE` (file over the
 * limit, or a workbook that unpacks too large), 415 (not multipart/form-data, or a file that is
 * neither CSV nor .xlsx), 404 (another employer, or a `campaignId` that is not one of the
 * employer's), 422 `UNPROCESSABLE` (commit with invalid rows).
 */

/** The largest file accepted (5 MB). */
export const IMPORT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The most data rows in one file. */
export const IMPORT_MAX_ROWS = 10_000;

/**
 * What a column can be imported as. Worker fields: `surname`...`preferredLanguage`; dossier fields:
 * `jobTitle`...`consulate` and `campaign` (the NAME of one of the employer's campaigns).
 */
export const IMPORT_FIELDS = [
  'surname',
  'givenNames',
  'birthDate',
  'nationality',
  'passportNumber',
  'passportExpiry',
  'phone',
  'email',
  'preferredLanguage',
  'jobTitle',
  'contractType',
  'plannedStart',
  'plannedEnd',
  'campaign',
  'ofiiOffice',
  'consulate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields a worker cannot be created without. */
export const IMPORT_REQUIRED_WORKER_FIELDS: readonly ImportField[] = [
  'surname',
  'givenNames',
  'birthDate',
  'nationality',
  'passportNumber',
  'passportExpiry',
];

/**
 * Dossier fields: when ANY of them is mapped, each row also creates a DRAFT dossier and then
 * `IMPORT_REQUIRED_DOSSIER_FIELDS` are required. `contractType` is `seasonal` when not mapped.
 */
export const IMPORT_DOSSIER_FIELDS: readonly ImportField[] = [
  'jobTitle',
  'contractType',
  'plannedStart',
  'plannedEnd',
  'campaign',
  'ofiiOffice',
  'consulate',
];
export const IMPORT_REQUIRED_DOSSIER_FIELDS: readonly ImportField[] = [
  'jobTitle',
  'plannedStart',
  'plannedEnd',
];

/** Labels of the import fields, for the mapping step of the wizard. */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, BilingualText>> =
  {
    surname: { fr: 'Nom', en: 'Surname' },
    givenNames: { fr: 'Prénom(s)', en: 'Given names' },
    birthDate: { fr: 'Date de naissance', en: 'Birth date' },
    nationality: { fr: 'Nationalité', en: 'Nationality' },
    passportNumber: { fr: 'N° de passeport', en: 'Passport number' },
    passportExpiry: {
      fr: 'Expiration du passeport',
      en: 'Passport expiry',
    },
    phone: { fr: 'Téléphone', en: 'Phone' },
    email: { fr: 'E-mail', en: 'E-mail' },
    preferredLanguage: { fr: 'Langue', en: 'Language' },
    jobTitle: { fr: 'Poste', en: 'Job title' },
    contractType: { fr: 'Type de contrat', en: 'Contract type' },
    plannedStart: { fr: 'Début prévu', en: 'Planned start' },
    plannedEnd: { fr: 'Fin prévue', en: 'Planned end' },
    campaign: { fr: 'Campagne', en: 'Campaign' },
    ofiiOffice: { fr: 'Bureau OFII', en: 'OFII office' },
    consulate: { fr: 'Consulat', en: 'Consulate' },
  };

/** Import field -> column header exactly as in the file's header row. Unmapped fields are absent. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/**
 * The text parts of the multipart body (the `file` part aside). Values are strings, as in any form.
 */
export interface ImportFormFields {
  /** JSON of an `ImportMapping`; when absent, the mapping suggested from the headers is used. */
  mapping?: string;
  /** Default campaign (id of one of the employer's) for rows without a `campaign` column value. */
  campaignId?: string;
  /** Season of the dossiers ('2027'); else the campaign's, else the year of the planned start. */
  season?: string;
  /** Commit only: 'true' to import the valid rows and leave the invalid ones out. */
  skipInvalidRows?: string;
}

/** What the file was read as (recognised by its bytes). */
export type ImportFileFormat = 'csv' | 'xlsx';
export type ImportEncoding = 'utf-8' | 'windows-1252';
export type ImportDelimiter = ',' | ';' | '\t';

/** What was detected in the file. */
export interface ImportFileInfo {
  /** The uploaded file name, as sent by the browser (display only). */
  name: string | null;
  sizeBytes: number;
  format: ImportFileFormat;
  /** CSV only (null for .xlsx). */
  encoding: ImportEncoding | null;
  delimiter: ImportDelimiter | null;
  /** .xlsx only: the name of the sheet read, the first one (null for CSV). */
  sheet: string | null;
}

export type ImportRowStatus = 'valid' | 'invalid' | 'already_present';

/** One problem of one row (also the `details` of a refused commit). */
export interface ImportRowError extends ApiErrorDetail {
  /** The row as numbered in the spreadsheet: the header is row 1, the first data row is row 2. */
  rowNumber: number;
  /** The import field concerned; absent for a row-level problem (e.g. a passport twice in the file). */
  field?: ImportField;
  /** The mapped column header, when the field is mapped. */
  column: string | null;
  /** Stable rule code: FIELD_REQUIRED, DATE_INVALID, PASSPORT_EXPIRED, END_BEFORE_START... */
  rule: string;
  /** In English. */
  message: string;
  /** The same message in French. */
  messageFr: string;
}

export interface ImportPreviewRow {
  rowNumber: number;
  status: ImportRowStatus;
  /** The cell values of the mapped fields, as read (trimmed). */
  values: Partial<Record<ImportField, string>>;
  /** Empty unless status is 'invalid'. */
  errors: ImportRowError[];
}

export interface ImportTotals {
  /** Data rows read (blank lines excluded). */
  rows: number;
  /** Rows that would be imported. */
  valid: number;
  /** Rows with at least one error. */
  invalid: number;
  /** Valid rows whose passport number is already registered at this employer (skipped). */
  alreadyPresent: number;
}

/** 200 answer of POST .../imports/preview. */
export interface ImportPreviewResponse {
  file: ImportFileInfo;
  /** The header row, in order. */
  headers: string[];
  /** The mapping used: the one sent, or the one suggested from the headers. */
  mapping: ImportMapping;
  /** True when the mapping was suggested (no `mapping` part sent). */
  mappingSuggested: boolean;
  /** Headers that no field is mapped to. */
  unmappedHeaders: string[];
  /** Required fields with no column (every row then fails on them). */
  missingFields: ImportField[];
  /** True when a DRAFT dossier is created with each worker (some dossier field is mapped). */
  createsDossiers: boolean;
  totals: ImportTotals;
  /** EVERY data row, in file order. */
  rows: ImportPreviewRow[];
}

/** 201 answer of POST .../imports/commit. */
export interface ImportCommitResponse {
  /** Rows read. */
  rows: number;
  workersCreated: number;
  dossiersCreated: number;
  /** Rows skipped because the passport number already exists at this employer. */
  skippedAlreadyPresent: number;
  /** Rows skipped because invalid (only with skipInvalidRows=true; else the commit is refused). */
  skippedInvalid: number;
}
