import { calendarDate, parisToday } from '@moisson/domain';
import {
  InvalidInputError,
  InvalidSpreadsheetError,
  readSheet,
  SheetNotFoundError,
} from 'read-excel-file/universal';
import {
  ImportFileError,
  ParsedImportFile,
  ParsedImportRow,
  splitHeaderRow,
} from './import-file.parser';
import {
  inflateZipEntry,
  readZipEntries,
  ZipArchiveError,
  ZipEntry,
  ZipEntryTooLargeError,
} from './zip-archive';
import {
  columnLetters,
  findFirstSheet,
  measureSheet,
} from './xlsx-workbook.scanner';

/** Files in one workbook: a few dozen in practice; a ZIP of thousands is not a hires export. */
export const XLSX_MAX_ENTRIES = 1000;
/** The XML parts of a workbook once inflated, together (what read-excel-file holds in memory). */
export const XLSX_MAX_XML_BYTES = 50 * 1024 * 1024;
/** The highest row number the first sheet may use (10 times the rows an import takes). */
export const XLSX_MAX_SHEET_ROW = 100_000;
/** Rows x columns the first sheet may span: the table read-excel-file builds has that many slots. */
export const XLSX_MAX_SHEET_CELLS = 2_000_000;

const CONTENT_TYPES = '[Content_Types].xml';
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELATIONSHIPS = 'xl/_rels/workbook.xml.rels';
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * True when the bytes are an Office Open XML workbook: a ZIP archive holding
 * [Content_Types].xml and xl/workbook.xml (whatever the file is called).
 */
export function isXlsxArchive(entries: readonly ZipEntry[]): boolean {
  const names = new Set(entries.map((e) => e.name));
  return names.has(CONTENT_TYPES) && names.has(WORKBOOK);
}

/** The entries of a ZIP archive, or ImportFileError when it is not one that can be read. */
export function readXlsxEntries(buffer: Buffer): ZipEntry[] {
  try {
    return readZipEntries(buffer, XLSX_MAX_ENTRIES);
  } catch (error) {
    throw fileError(error);
  }
}

/**
 * Reads the first sheet of an .xlsx with read-excel-file: text as written, numbers as their
 * exact text (a passport number stays "123456789"), date cells as 'YYYY-MM-DD' (the day Excel
 * shows, whatever the server's time zone), booleans as TRUE/FALSE; rows keep their sheet numbers.
 *
 * Before the library runs, the workbook is checked against zip bombs: the XML parts must declare
 * at most XLSX_MAX_XML_BYTES together and really inflate to what they declare (zlib stops at the
 * declared size), and the first sheet must not reach past XLSX_MAX_SHEET_ROW rows or
 * XLSX_MAX_SHEET_CELLS cells. Throws ImportFileError (413 for a bomb, 400 otherwise).
 */
export async function parseXlsxFile(
  buffer: Buffer,
  entries: readonly ZipEntry[],
): Promise<ParsedImportFile> {
  const parts = inflateXmlParts(buffer, entries);
  const text = (name: string) => {
    const bytes = parts.get(name);
    return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
  };
  const first = findFirstSheet(
    text(WORKBOOK) ?? '',
    text(WORKBOOK_RELATIONSHIPS) ?? '',
  );
  const sheetXml = first ? text(first.path) : undefined;
  if (!first || sheetXml === undefined)
    throw new ImportFileError({
      fr: "Le classeur n'a pas de feuille lisible : ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau au format .xlsx.",
      en: 'The workbook has no readable sheet: open it in Excel or LibreOffice and save it again as .xlsx.',
    });
  const extent = measureSheet(sheetXml);
  parts.clear();
  if (
    extent.rows > XLSX_MAX_SHEET_ROW ||
    extent.rows * extent.columns > XLSX_MAX_SHEET_CELLS
  )
    throw new ImportFileError({
      fr: `La feuille « ${first.name} » s'étend jusqu'à la ligne ${extent.rows} et la colonne ${columnLetters(extent.columns - 1)} : supprimez les lignes et colonnes vides sous votre tableau et à sa droite (au plus ${XLSX_MAX_SHEET_ROW} lignes), ou découpez le fichier.`,
      en: `The sheet "${first.name}" reaches row ${extent.rows} and column ${columnLetters(extent.columns - 1)}: delete the empty rows and columns below and to the right of your table (at most ${XLSX_MAX_SHEET_ROW} rows), or split the file.`,
    });

  let data: unknown[][];
  try {
    const bytes = buffer.buffer.slice(
      buffer.byteOffset,
      buffer.byteOffset + buffer.length,
    ) as ArrayBuffer;
    // parseNumber keeps a number's text as stored: no float rounding, no exponent notation added.
    data = await readSheet(bytes, 1, { parseNumber: (text) => text });
  } catch (error) {
    throw fileError(error);
  }
  const rows: ParsedImportRow[] = data.map((cells, index) => ({
    rowNumber: index + 1,
    cells: cells.map((value, column) =>
      cellText(value, `${columnLetters(column)}${index + 1}`, extent),
    ),
  }));
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: first.name,
    excelDateSystem: first.dateSystem,
    ...splitHeaderRow(rows),
  };
}

/**
 * Every XML part, inflated under the budget. The parts the library will read are all inflated
 * here first, so a part lying about its size is refused before the library sees it.
 */
function inflateXmlParts(
  buffer: Buffer,
  entries: readonly ZipEntry[],
): Map<string, Buffer> {
  // The parts read-excel-file unzips: it skips everything else (images, printer settings...).
  const parts = entries.filter(
    (e) => e.name.endsWith('.xml') || e.name.endsWith('.xml.rels'),
  );
  const declared = parts.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > XLSX_MAX_XML_BYTES) throw tooLarge(declared);
  try {
    return new Map(
      parts.map((part) => [part.name, inflateZipEntry(buffer, part)]),
    );
  } catch (error) {
    throw fileError(error);
  }
}

/** A cell's value as the text the row checks read. */
function cellText(
  value: unknown,
  reference: string,
  extent: { isoDateCells: ReadonlyMap<string, string> },
): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = extent.isoDateCells.get(reference);
    return iso ? isoCellDate(iso, value) : serialCellDate(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

/**
 * A date cell stored as an Excel serial: read-excel-file turns the serial into the instant at
 * which a UTC clock shows that day and time, so the UTC fields are the day Excel shows.
 */
function serialCellDate(date: Date): string {
  return calendarDate(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
  );
}

/**
 * A `t="d"` cell (ISO 8601 text, rare): its date as written when it has no zone; an instant
 * (with Z or an offset) is taken in Europe/Paris. The library parsed zone-less text in the
 * server's time zone, hence the raw text.
 */
function isoCellDate(text: string, parsed: Date): string {
  const match = ISO_DATE_TIME.exec(text);
  if (match && !match[4]) return `${match[1]}-${match[2]}-${match[3]}`;
  return parisToday(parsed);
}

/** 413: the workbook unpacks to more than the budget (`bytes` when its parts say how much). */
function tooLarge(bytes?: number): ImportFileError {
  const limit = XLSX_MAX_XML_BYTES / (1024 * 1024);
  const size = bytes ? ` (${Math.ceil(bytes / (1024 * 1024))} Mo)` : '';
  const sizeEn = bytes ? ` (${Math.ceil(bytes / (1024 * 1024))} MB)` : '';
  return new ImportFileError(
    {
      fr: `Une fois décompressé, ce classeur ferait plus de ${limit} Mo${size} : ce n'est pas un export d'embauches ordinaire. Copiez votre tableau dans un nouveau classeur, ou enregistrez-le au format CSV.`,
      en: `Once unpacked, this workbook would take more than ${limit} MB${sizeEn}: that is not an ordinary hires export. Copy your table into a new workbook, or save it as CSV.`,
    },
    413,
  );
}

/** The archive's or the library's complaint, as the 400 (or 413) the caller answers. */
function fileError(error: unknown): ImportFileError {
  if (error instanceof ImportFileError) return error;
  if (error instanceof ZipEntryTooLargeError) return tooLarge();
  const reason =
    error instanceof ZipArchiveError || isLibraryError(error)
      ? error.message
      : 'its content is not what Excel writes';
  return new ImportFileError({
    fr: `Le classeur n'a pas pu être lu (détail technique : ${reason}) : ouvrez-le dans Excel ou LibreOffice, enregistrez-le de nouveau au format .xlsx (ou CSV), puis importez-le.`,
    en: `The workbook could not be read (${reason}): open it in Excel or LibreOffice, save it again as .xlsx (or CSV), then import it.`,
  });
}

/** read-excel-file's own complaints about the file. */
function isLibraryError(error: unknown): error is Error {
  return (
    error instanceof InvalidInputError ||
    error instanceof InvalidSpreadsheetError ||
    error instanceof SheetNotFoundError
  );
}
