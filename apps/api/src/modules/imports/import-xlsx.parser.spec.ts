import {
  excelSerial,
  XlsxCell,
  xlsxFile,
  xlsxParts,
  zipParts,
} from '../../../test/xlsx-fixtures';
import { ImportFileError } from './import-file.parser';
import {
  isXlsxArchive,
  parseXlsxFile,
  readXlsxEntries,
  XLSX_MAX_XML_BYTES,
} from './import-xlsx.parser';

function parse(file: Buffer) {
  return parseXlsxFile(file, readXlsxEntries(file));
}

/** The ImportFileError a parse ends with. */
async function refusal(file: Buffer): Promise<ImportFileError> {
  const error = await parse(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

/** Rewrites the uncompressed size an entry declares, in its central and local headers. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const forged = Buffer.from(zip);
  for (let at = 0; at + 46 <= forged.length; at++) {
    if (forged.readUInt32LE(at) !== 0x02014b50) continue;
    const length = forged.readUInt16LE(at + 28);
    if (forged.toString('utf8', at + 46, at + 46 + length) !== name) continue;
    forged.writeUInt32LE(size, at + 24);
    forged.writeUInt32LE(size, forged.readUInt32LE(at + 42) + 22);
  }
  return forged;
}

const HEADER: XlsxCell[] = [
  'Nom',
  'Prénom(s)',
  'Date de naissance',
  'N° passeport',
  'Téléphone',
  'Début prévu',
  'Actif',
];

describe('parseXlsxFile', () => {
  it('reads the first sheet: text, numbers as their exact text, date cells as YYYY-MM-DD, rows numbered as in the sheet', async () => {
    const file = xlsxFile(
      [
        HEADER,
        [
          '  Benaïssa ',
          'Aïcha',
          { serial: excelSerial('1991-03-14') },
          123456789,
          33612345678,
          { serial: excelSerial('2027-09-01') },
          true,
        ],
        [],
        ['Tazi', 'Salma', '14/03/1991', 'AB1234567', null, 46631, false],
      ],
      { sheetName: 'Embauches 2027', otherSheets: ['Notes'], firstRow: 3 },
    );
    expect(isXlsxArchive(readXlsxEntries(file))).toBe(true);
    const parsed = await parse(file);
    expect(parsed).toMatchObject({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Embauches 2027',
      excelDateSystem: 1900,
      headers: HEADER,
    });
    expect(parsed.rows).toEqual([
      {
        rowNumber: 4,
        cells: [
          'Benaïssa',
          'Aïcha',
          '1991-03-14',
          '123456789',
          '33612345678',
          '2027-09-01',
          'TRUE',
        ],
      },
      {
        rowNumber: 6,
        cells: [
          'Tazi',
          'Salma',
          '14/03/1991',
          'AB1234567',
          '',
          '46631',
          'FALSE',
        ],
      },
    ]);
  });

  describe('dates do not drift with the server time zone', () => {
    const original = process.env.TZ;
    afterAll(() => {
      process.env.TZ = original;
    });
    const file = xlsxFile([
      ['Date', 'Heure tardive', 'ISO sans zone', 'ISO jour', 'ISO UTC'],
      [
        { serial: excelSerial('2027-03-14') },
        // 14/03/2027 23:45, as Excel stores a date and time.
        { serial: excelSerial('2027-03-14') + 0.99 },
        { iso: '2027-03-14T00:00:00' },
        { iso: '2027-03-14' },
        // 23:30 UTC is already 15 March in Paris.
        { iso: '2027-03-14T23:30:00Z' },
      ],
    ]);

    it.each([
      'UTC',
      'Europe/Paris',
      'Pacific/Kiritimati',
      'America/Los_Angeles',
    ])('in %s', async (zone) => {
      process.env.TZ = zone;
      const { rows } = await parse(file);
      expect(rows[0].cells).toEqual([
        '2027-03-14',
        '2027-03-14',
        '2027-03-14',
        '2027-03-14',
        '2027-03-15',
      ]);
    });
  });

  it('says which date system a 1904 workbook uses, and reads its date cells', async () => {
    const parsed = await parse(
      xlsxFile([['Date'], [{ serial: excelSerial('2027-03-14') - 1462 }]], {
        date1904: true,
      }),
    );
    expect(parsed.excelDateSystem).toBe(1904);
    expect(parsed.rows[0].cells).toEqual(['2027-03-14']);
  });

  it('refuses with 413 a workbook whose parts declare more than the budget, before inflating them', async () => {
    const file = declareSize(
      xlsxFile([['Nom'], ['Tazi']]),
      'xl/sharedStrings.xml',
      XLSX_MAX_XML_BYTES,
    );
    const error = await refusal(file);
    expect(error.status).toBe(413);
    expect(error.text).toEqual({
      fr: expect.stringContaining('plus de 50 Mo'),
      en: expect.stringContaining('more than 50 MB'),
    });
  });

  it('refuses with 413 a part that inflates past the size it declares (a crafted zip bomb)', async () => {
    const parts = xlsxParts([['Nom'], ['Tazi']]);
    parts['xl/worksheets/sheet1.xml'] = parts[
      'xl/worksheets/sheet1.xml'
    ].replace('<sheetData>', '<sheetData>' + ' '.repeat(5_000_000));
    const file = declareSize(zipParts(parts), 'xl/worksheets/sheet1.xml', 2000);
    expect(file.length).toBeLessThan(100_000);
    const error = await refusal(file);
    expect(error.status).toBe(413);
  });

  it('counts a part the directory hides from its total: read-excel-file (fflate) would inflate it', async () => {
    // 60 MB of blanks (about 60 KB deflated) listed last in the directory, whose end record says
    // one entry less in its total than on its disk: fflate reads the count on the disk.
    const parts = xlsxParts([['Nom'], ['Tazi']]);
    const file = zipParts({ ...parts, 'xl/hidden.xml': ' '.repeat(60 << 20) });
    const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    file.writeUInt16LE(file.readUInt16LE(end + 10) - 1, end + 10);
    expect((await refusal(file)).status).toBe(413);
  });

  it('refuses a sheet whose cells reach far away (a table of billions of empty cells) with a 400 naming the place', async () => {
    const file = xlsxFile([['Nom'], ['Tazi']], {
      extraSheetXml:
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    });
    const started = Date.now();
    const error = await refusal(file);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.status).toBe(400);
    expect(error.message).toContain('reaches row 1048576 and column XFD');
    expect(error.text).toMatchObject({
      fr: expect.stringContaining('ligne 1048576'),
    });
  });

  it('refuses more data rows than an import takes, like a CSV', async () => {
    const rows: XlsxCell[][] = [['Nom']];
    for (let i = 0; i < 10_001; i++) rows.push([`Tazi ${i}`]);
    const error = await refusal(xlsxFile(rows));
    expect(error.message).toMatch(/10001 rows; at most 10000/);
  });

  it.each([
    ['a header only', xlsxFile([['Nom', 'Prénom']]), /no data row/],
    ['an empty sheet', xlsxFile([]), /empty/],
    [
      'a cell pointing to a shared string that does not exist',
      xlsxFile([['Nom']], {
        extraSheetXml: '<row r="2"><c r="A2" t="s"><v>99</v></c></row>',
      }),
      /could not be read \(.*row 2/,
    ],
    [
      'a workbook without sheets',
      zipParts({
        ...xlsxParts([['Nom']]),
        'xl/workbook.xml': '<workbook><sheets/></workbook>',
      }),
      /no readable sheet/,
    ],
  ])('refuses %s with a 400', async (_, file, message) => {
    const error = await refusal(file);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
    expect(typeof error.text === 'object' && error.text.fr).toBeTruthy();
  });
});
