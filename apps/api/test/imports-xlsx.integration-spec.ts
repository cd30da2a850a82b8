import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiErrorBody,
  CampaignResponse,
  ImportCommitResponse,
  ImportPreviewResponse,
} from '@moisson/contract';
import { WorkerEntity } from '../src/modules/workers/entities/worker.entity';
import { rowCounts } from './dossier-fixtures';
import {
  closeDb,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import {
  daysFromToday,
  FRENCH_HEADER,
  hireRow,
  importEmployer,
  postImport,
} from './import-fixtures';
import { createTestApp } from './test-app';
import {
  excelSerial,
  XlsxCell,
  xlsxFile,
  xlsxParts,
  zipParts,
} from './xlsx-fixtures';

let app: NestFastifyApplication;
let owner: TestClient;
let employerId: string;
let campaign: CampaignResponse;

const XLSX_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  app = await createTestApp();
  ({ employerId, owner, campaign } = await importEmployer(
    app,
    'Domaine du Classeur',
  ));
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

/** Columns of FRENCH_HEADER holding dates, written as date cells (Excel serials). */
const DATE_COLUMNS = [2, 5, 8, 9];

/**
 * 41 hires as Excel saves them: dates as date cells, the passport numbers of hires 10 and 20
 * typed as numbers, hire 30's planned start typed as a plain number (a serial in a "Standard"
 * cell). The header is on row 2 (row 1 blank), a blank row follows hire 19: hires 3 (impossible
 * birth date), 14 (expired passport) and 40 (no birth date) are bad, on sheet rows 6, 17 and 44.
 */
function hiresWorkbook(): Buffer {
  const rows: XlsxCell[][] = [FRENCH_HEADER];
  for (let i = 0; i <= 40; i++) {
    const text = hireRow(i, campaign.name);
    const cells: XlsxCell[] = text.map((cell, c) =>
      DATE_COLUMNS.includes(c) ? { serial: excelSerial(toIso(cell)) } : cell,
    );
    if (i === 10 || i === 20) cells[4] = 900_000_000 + i;
    if (i === 30) cells[8] = excelSerial(toIso(text[8]));
    if (i === 3) cells[2] = '31/02/1990';
    if (i === 14) cells[5] = { serial: excelSerial(daysFromToday(-10)) };
    if (i === 40) cells[2] = null;
    rows.push(cells);
    if (i === 19) rows.push([]);
  }
  return xlsxFile(rows, {
    sheetName: 'Embauches',
    otherSheets: ['Notes'],
    firstRow: 2,
  });
}

/** hireRow writes dates as yyyy-mm-dd, dd/mm/yyyy or d/m/yyyy. */
function toIso(text: string): string {
  if (/^\d{4}-/.test(text)) return text;
  const [d, m, y] = text.split('/');
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

describe('an .xlsx of 41 hires with 3 bad rows', () => {
  const file = () => ({
    name: 'embauches.xlsx',
    content: hiresWorkbook(),
    type: XLSX_TYPE,
  });

  it('preview reads the first sheet with the CSV mapping and lists exactly the bad rows, by their sheet row numbers', async () => {
    const before = await rowCounts(employerId);
    const res = await postImport(owner, employerId, 'preview', file());
    expect(res.statusCode).toBe(200);
    const preview = res.json<ImportPreviewResponse>();
    expect(preview.file).toMatchObject({
      name: 'embauches.xlsx',
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Embauches',
    });
    expect(preview.headers).toEqual(FRENCH_HEADER);
    expect(preview.mapping).toMatchObject({
      birthDate: 'Date de naissance',
      passportNumber: 'N° passeport',
      plannedStart: 'Début prévu',
    });
    expect(preview.totals).toEqual({
      rows: 41,
      valid: 38,
      invalid: 3,
      alreadyPresent: 0,
    });
    expect(preview.rows[0].rowNumber).toBe(3);
    const invalid = preview.rows.filter((r) => r.status === 'invalid');
    expect(
      invalid.map((r) => [r.rowNumber, r.errors.map((e) => e.rule)]),
    ).toEqual([
      [6, ['DATE_INVALID']],
      [17, ['PASSPORT_EXPIRED']],
      [44, ['FIELD_REQUIRED']],
    ]);
    expect(invalid[2].errors[0].messageFr).toContain('Date de naissance');
    // Cells as read: date cells as yyyy-mm-dd, a passport typed as a number as its digits.
    const hire10 = preview.rows.find((r) => r.rowNumber === 13);
    expect(hire10?.values).toMatchObject({
      birthDate: '1975-11-11',
      passportNumber: '900000010',
    });
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it('commit refuses the file while rows are bad (422), then imports the good ones in one transaction', async () => {
    const before = await rowCounts(employerId);
    const refused = await postImport(owner, employerId, 'commit', file());
    expect(refused.statusCode).toBe(422);
    expect(await rowCounts(employerId)).toEqual(before);

    const res = await postImport(owner, employerId, 'commit', file(), {
      skipInvalidRows: 'true',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<ImportCommitResponse>()).toEqual({
      rows: 41,
      workersCreated: 38,
      dossiersCreated: 38,
      skippedAlreadyPresent: 0,
      skippedInvalid: 3,
    });
    const after = await rowCounts(employerId);
    expect(after.worker - before.worker).toBe(38);
    expect(after.dossier - before.dossier).toBe(38);

    const workers = (await db()).getRepository(WorkerEntity);
    const numeric = await workers.findOneByOrFail({
      employerId,
      passportNumber: '900000010',
    });
    expect(numeric.birthDate).toBe('1975-11-11');
    const [dossier] = await (
      await db()
    ).query(
      `SELECT d.planned_start::text AS start FROM dossier d JOIN worker w ON w.id = d.worker_id
        WHERE w.employer_id = $1 AND w.passport_number = $2`,
      [employerId, 'MA1000030'],
    );
    expect(dossier.start).toBe(toIso(hireRow(30, '')[8]));
  });

  it('importing the same workbook again adds nothing', async () => {
    const before = await rowCounts(employerId);
    const preview = (
      await postImport(owner, employerId, 'preview', file())
    ).json<ImportPreviewResponse>();
    expect(preview.totals).toEqual({
      rows: 41,
      valid: 0,
      invalid: 3,
      alreadyPresent: 38,
    });
    const res = await postImport(owner, employerId, 'commit', file(), {
      skipInvalidRows: 'true',
    });
    expect(res.json<ImportCommitResponse>()).toMatchObject({
      workersCreated: 0,
      skippedAlreadyPresent: 38,
    });
    expect(await rowCounts(employerId)).toEqual(before);
  });
});

describe('workbooks that are refused, with nothing written', () => {
  it('413 for a zip bomb, in French and in English', async () => {
    const before = await rowCounts(employerId);
    const parts = xlsxParts([['Nom'], ['Tazi']]);
    parts['xl/worksheets/sheet1.xml'] = parts[
      'xl/worksheets/sheet1.xml'
    ].replace('<sheetData>', `<sheetData>${' '.repeat(60 * 1024 * 1024)}`);
    const bomb = { name: 'embauches.xlsx', content: zipParts(parts) };
    expect(bomb.content.length).toBeLessThan(1024 * 1024);
    const fr = await postImport(owner, employerId, 'commit', bomb);
    expect(fr.statusCode).toBe(413);
    expect(fr.json<ApiErrorBody>()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('Une fois décompressé'),
    });
    const english = await signedInClient(
      app,
      await createUser({ role: 'employer_member', employerId, locale: 'en' }),
    );
    const en = await postImport(english, employerId, 'preview', bomb);
    expect(en.statusCode).toBe(413);
    expect(en.json<ApiErrorBody>().message).toContain('Once unpacked');
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it('400 for a sheet reaching cell XFD1048576, 415 for an OpenDocument file named .xlsx', async () => {
    const far = xlsxFile([['Nom'], ['Tazi']], {
      extraSheetXml: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    });
    const res = await postImport(owner, employerId, 'preview', {
      name: 'a.xlsx',
      content: far,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiErrorBody>().message).toContain('XFD');
    const ods = zipParts({
      mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
      'content.xml': '<office:document-content/>',
    });
    const odsRes = await postImport(owner, employerId, 'preview', {
      name: 'embauches.xlsx',
      content: ods,
    });
    expect(odsRes.statusCode).toBe(415);
    expect(odsRes.json<ApiErrorBody>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
