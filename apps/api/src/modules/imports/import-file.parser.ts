import type {
  ImportDelimiter,
  ImportEncoding,
  ImportFileInfo,
} from '@moisson/contract';
import { IMPORT_MAX_ROWS } from '@moisson/contract';
import { parse } from 'csv-parse/sync';
import { decode } from 'iconv-lite';
import type { LocalizedText } from '../../core/http/localized-text';
import type { ExcelDateSystem } from './import-date';

/**
 * A spreadsheet's header row and data rows, each numbered as in the file (the header is row 1),
 * with what was detected in the file.
 */
export interface ParsedImportFile
  extends Pick<ImportFileInfo, 'format' | 'encoding' | 'delimiter' | 'sheet'> {
  /** .xlsx: numbers in date columns are Excel serials of this system; null for CSV. */
  excelDateSystem: ExcelDateSystem | null;
  headers: string[];
  rows: ParsedImportRow[];
}

export interface ParsedImportRow {
  rowNumber: number;
  cells: string[];
}

/** Why a file could not be read at all: the caller answers `status` with this message. */
export class ImportFileError extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly status: 400 | 413 = 400,
  ) {
    super(typeof text === 'string' ? text : text.en);
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const DELIMITERS: readonly ImportDelimiter[] = [';', ',', '\t'];

/**
 * The text of a CSV file: UTF-8 (with or without a byte order mark) when its bytes are valid UTF-8,
 * else Windows-1252 (what French Excel writes with "CSV (séparateur: point-virgule)").
 */
export function decodeCsvText(buffer: Buffer): {
  text: string;
  encoding: ImportEncoding;
} {
  const bytes =
    buffer.length >= 3 && UTF8_BOM.every((b, i) => buffer[i] === b)
      ? buffer.subarray(3)
      : buffer;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    // iconv-lite, not TextDecoder: Node 20's 'windows-1252' decoder reads 0x80-0x9F as Latin-1
    // control characters, losing €, œ and the ’ Excel writes in "Date d’expiration".
    return { text: decode(buffer, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/**
 * The delimiter of the header line: the most frequent of ';', ',' and tab outside quotes
 * (';' wins a tie, as French spreadsheets use it); ',' when the line has none.
 */
export function detectDelimiter(text: string): ImportDelimiter {
  const counts = new Map<ImportDelimiter, number>(
    DELIMITERS.map((d) => [d, 0]),
  );
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as ImportDelimiter))
      counts.set(
        char as ImportDelimiter,
        (counts.get(char as ImportDelimiter) ?? 0) + 1,
      );
  }
  let best: ImportDelimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/**
 * Reads a CSV file: encoding and delimiter detected, cells trimmed, blank lines skipped.
 * Throws ImportFileError when there is no header row, no data row, too many rows, or broken quoting.
 */
export function parseCsvFile(buffer: Buffer): ParsedImportFile {
  const { text, encoding } = decodeCsvText(buffer);
  const delimiter = detectDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError({
      fr: `Le fichier n'a pas pu être lu comme un CSV : ${reason}.`,
      en: `The file could not be read as CSV: ${reason}.`,
    });
  }
  const rows = records.map(({ record, info }) => ({
    // csv-parse counts the line where the record ends: go back over line breaks inside cells.
    rowNumber:
      info.lines -
      record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record.map((cell) => cell.trim()),
  }));
  return {
    format: 'csv',
    encoding,
    delimiter,
    sheet: null,
    excelDateSystem: null,
    ...splitHeaderRow(rows),
  };
}

/**
 * The header row (the first non-blank row) and the data rows after it, blank rows left out: the
 * same rules for every format. Throws ImportFileError when there is no header row, no data row,
 * or more than IMPORT_MAX_ROWS data rows.
 */
export function splitHeaderRow(rows: ParsedImportRow[]): {
  headers: string[];
  rows: ParsedImportRow[];
} {
  const [header, ...data] = rows.filter((row) =>
    row.cells.some((cell) => cell !== ''),
  );
  if (!header)
    throw new ImportFileError({
      fr: "Le fichier est vide : il faut une ligne d'en-têtes, puis une ligne par travailleur.",
      en: 'The file is empty: it needs a header row, then one row per worker.',
    });
  if (data.length === 0)
    throw new ImportFileError({
      fr: "Le fichier a une ligne d'en-têtes mais aucune ligne de données : ajoutez une ligne par travailleur.",
      en: 'The file has a header row but no data row: add one row per worker.',
    });
  if (data.length > IMPORT_MAX_ROWS)
    throw new ImportFileError({
      fr: `Le fichier compte ${data.length} lignes ; au plus ${IMPORT_MAX_ROWS} peuvent être importées à la fois : découpez-le.`,
      en: `The file has ${data.length} rows; at most ${IMPORT_MAX_ROWS} can be imported at once: split it.`,
    });
  return { headers: header.cells, rows: data };
}
