import { strToU8, zipSync } from 'fflate';

/**
 * A cell of a test workbook: text (in the shared strings, as Excel writes it), a number, a
 * boolean, a date cell (an Excel serial with a date format), an ISO `t="d"` cell, or empty.
 */
export type XlsxCell =
  | string
  | number
  | boolean
  | { serial: number }
  | { iso: string }
  | null;

export interface XlsxOptions {
  sheetName?: string;
  /** Names of sheets after the first one, each holding one cell. */
  otherSheets?: string[];
  date1904?: boolean;
  /** Row number of the first row (blank rows above it). */
  firstRow?: number;
  /** Raw XML added at the end of sheetData (e.g. a far-away cell). */
  extraSheetXml?: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The XML parts of a minimal workbook as Excel structures it (styles, shared strings, rels). */
export function xlsxParts(
  rows: XlsxCell[][],
  options: XlsxOptions = {},
): Record<string, string> {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const shared = (text: string) => {
    if (!indexOf.has(text)) {
      indexOf.set(text, strings.length);
      strings.push(text);
    }
    return indexOf.get(text);
  };
  const first = options.firstRow ?? 1;
  const sheetRows = rows.map((cells, i) => {
    const r = first + i;
    const xml = cells
      .map((cell, c) => {
        const ref = `${column(c)}${r}`;
        if (cell === null) return '';
        if (typeof cell === 'string')
          return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
        if (typeof cell === 'boolean')
          return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
        if ('serial' in cell)
          return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
        return `<c r="${ref}" s="1" t="d"><v>${cell.iso}</v></c>`;
      })
      .join('');
    return `<row r="${r}">${xml}</row>`;
  });
  const sheets = [
    options.sheetName ?? 'Feuil1',
    ...(options.otherSheets ?? []),
  ];
  const parts: Record<string, string> = {
    '[Content_Types].xml': xml(
      `<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': xml(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((name, i) => `<sheet name="${escape(name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${sheets.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
    'xl/styles.xml': xml(
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': xml(
      `<worksheet xmlns="${MAIN}"><sheetData>${sheetRows.join('')}${options.extraSheetXml ?? ''}</sheetData></worksheet>`,
    ),
  };
  (options.otherSheets ?? []).forEach((_, i) => {
    parts[`xl/worksheets/sheet${i + 2}.xml`] = xml(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>${shared('autre feuille')}</v></c></row></sheetData></worksheet>`,
    );
  });
  parts['xl/sharedStrings.xml'] = xml(
    `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`,
  );
  return parts;
}

/** An .xlsx file of these rows (first sheet), deflated as Excel does. */
export function xlsxFile(
  rows: XlsxCell[][],
  options: XlsxOptions = {},
): Buffer {
  return zipParts(xlsxParts(rows, options));
}

/** A ZIP archive of these text parts. */
export function zipParts(parts: Record<string, string | Uint8Array>): Buffer {
  return Buffer.from(
    zipSync(
      Object.fromEntries(
        Object.entries(parts).map(([name, content]) => [
          name,
          typeof content === 'string' ? strToU8(content) : content,
        ]),
      ),
      { level: 6 },
    ),
  );
}

/** The Excel serial of a 'YYYY-MM-DD' day (1900 system). */
export function excelSerial(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000 + 25_569;
}

function column(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function xml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
