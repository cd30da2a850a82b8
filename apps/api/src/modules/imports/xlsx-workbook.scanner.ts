import type { ExcelDateSystem } from './import-date';

/**
 * What the import needs to know about a workbook before read-excel-file parses it, read from
 * the XML parts by scanning their tags (no DOM: memory does not grow with the cells' reach).
 */
export interface FirstSheet {
  name: string;
  /** The sheet's part in the archive, e.g. xl/worksheets/sheet1.xml. */
  path: string;
  dateSystem: ExcelDateSystem;
}

export interface SheetExtent {
  /** The highest row number used (1-based), 0 for an empty sheet. */
  rows: number;
  /** The highest column number used (A = 1). */
  columns: number;
  /** Raw values of `t="d"` cells (ISO 8601 text) by reference ("C4"). */
  isoDateCells: Map<string, string>;
}

/*
 * Every pattern stops at the next '<' (XML allows none inside a tag or an attribute value) and an
 * attribute name is matched only from its first character: each character is then read a bounded
 * number of times, so a crafted part (tags that never close, an attribute name of a million
 * letters, date cells without a value) costs time in proportion to its length, not its square.
 */
const TAG =
  /<(?:[\w.-]+:)?([A-Za-z]+)\b((?:[^<>"']|"[^<"]*"|'[^<']*')*?)(\/?)>/g;
const ATTRIBUTE = /(?<![\w.:-])([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** A cell's <v> value, or where the cell ends: its end tag, the next cell or row, the sheet's end. */
const CELL_VALUE =
  /<(?:[\w.-]+:)?v\b[^<>]*>([^<]*)<\/(?:[\w.-]+:)?v>|<\/?(?:[\w.-]+:)?(?:c|row|sheetData)\b/g;
const REFERENCE = /^([A-Z]{1,3})(\d{1,7})$/;

/**
 * The first sheet of xl/workbook.xml (the one Excel opens on), its part found through
 * xl/_rels/workbook.xml.rels as read-excel-file finds it, and the workbook's date system.
 * Null when the workbook lists no sheet.
 */
export function findFirstSheet(
  workbookXml: string,
  relationshipsXml: string,
): FirstSheet | null {
  let first: Map<string, string> | null = null;
  let dateSystem: ExcelDateSystem = 1900;
  let seenProperties = false;
  for (const [, tag, attributes] of workbookXml.matchAll(TAG)) {
    if (tag === 'workbookPr' && !seenProperties) {
      seenProperties = true;
      const date1904 = readAttributes(attributes).get('date1904');
      if (date1904 === '1' || date1904 === 'true') dateSystem = 1904;
    } else if (tag === 'sheet' && !first) {
      first = readAttributes(attributes);
    }
  }
  const relationId = first?.get('id');
  if (!first || !relationId) return null;
  for (const [, tag, attributes] of relationshipsXml.matchAll(TAG)) {
    if (tag !== 'Relationship') continue;
    const relation = readAttributes(attributes);
    const target = relation.get('Target');
    if (relation.get('Id') === relationId && target)
      return {
        name: first.get('name') ?? '',
        path: target.startsWith('/') ? target.slice(1) : `xl/${target}`,
        dateSystem,
      };
  }
  return null;
}

/**
 * The rows and columns a sheet's cells reach (from their `r` references, or their position when
 * a row or cell has none), and its ISO date cells, in one pass over the text: a crafted sheet
 * naming cell XFD1048576 is measured here before anything builds a table that large.
 */
export function measureSheet(sheetXml: string): SheetExtent {
  let rows = 0;
  let columns = 0;
  let row = 0;
  let column = 0;
  const isoDateCells = new Map<string, string>();
  TAG.lastIndex = 0;
  for (let match = TAG.exec(sheetXml); match; match = TAG.exec(sheetXml)) {
    const [, tag, attributes, selfClosing] = match;
    if (tag === 'row') {
      const r = Number(readAttributes(attributes).get('r'));
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      column = 0;
      rows = Math.max(rows, row);
    } else if (tag === 'c') {
      const cell = readAttributes(attributes);
      const reference = REFERENCE.exec(cell.get('r') ?? '');
      column = reference ? columnNumber(reference[1]) : column + 1;
      if (reference) rows = Math.max(rows, Number(reference[2]));
      columns = Math.max(columns, column);
      if (cell.get('t') === 'd' && !selfClosing && reference) {
        CELL_VALUE.lastIndex = TAG.lastIndex;
        const value = CELL_VALUE.exec(sheetXml)?.[1];
        if (value) isoDateCells.set(reference[0], value.trim());
      }
    }
  }
  return { rows, columns, isoDateCells };
}

/** A cell reference's column letters for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** Attributes by local name (`r:id` -> `id`), entities and Excel's _xHHHH_ escapes decoded. */
function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single] of text.matchAll(ATTRIBUTE))
    attributes.set(name.replace(/^[\w.-]+:/, ''), decodeXml(double ?? single));
  return attributes;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name] ?? whole;
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([0-9A-F]{4})_/gi, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
}
