import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiErrorBody,
  CampaignResponse,
  ImportCommitResponse,
  ImportPreviewResponse,
  ImportRowError,
} from '@moisson/contract';
import { IMPORT_MAX_FILE_BYTES } from '@moisson/contract';
import { AuditEventEntity } from '../src/modules/audit/entities/audit-event.entity';
import { WorkerEntity } from '../src/modules/workers/entities/worker.entity';
import { rowCounts } from './dossier-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import {
  csvLine,
  daysFromToday,
  frenchDate,
  FRENCH_HEADER,
  hireRow,
  importEmployer,
  postImport,
} from './import-fixtures';
import { listRoutes } from './routes';
import { createTestApp } from './test-app';

let app: NestFastifyApplication;
let owner: TestClient;
let member: TestClient;
let employerId: string;
let otherEmployerId: string;
let campaign: CampaignResponse;

beforeAll(async () => {
  app = await createTestApp();
  ({ employerId, owner, campaign } = await importEmployer(
    app,
    'Domaine des Imports',
  ));
  otherEmployerId = (await createEmployer('Vergers de B')).id;
  member = await signedInClient(
    app,
    await createUser({ role: 'employer_member', employerId }),
  );
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

/** The bad rows of the big file: kind -> how the row is broken and the rule the preview names. */
const BROKEN: Array<{
  rule: string;
  field: string;
  breakRow: (cells: string[]) => void;
}> = [
  {
    rule: 'DATE_INVALID',
    field: 'birthDate',
    breakRow: (c) => (c[2] = '31/02/1990'),
  },
  {
    rule: 'PASSPORT_EXPIRED',
    field: 'passportExpiry',
    breakRow: (c) => (c[5] = frenchDate(daysFromToday(-10))),
  },
  { rule: 'FIELD_REQUIRED', field: 'surname', breakRow: (c) => (c[0] = '') },
  {
    rule: 'NATIONALITY_INVALID',
    field: 'nationality',
    breakRow: (c) => (c[3] = 'Atlantide'),
  },
  {
    rule: 'END_BEFORE_START',
    field: 'plannedEnd',
    breakRow: (c) => (c[9] = frenchDate(daysFromToday(90))),
  },
  {
    rule: 'FORMAT_INVALID',
    field: 'passportNumber',
    breakRow: (c) => (c[4] = '12'),
  },
  {
    rule: 'BIRTH_DATE_IMPLAUSIBLE',
    field: 'birthDate',
    breakRow: (c) => (c[2] = frenchDate(daysFromToday(30))),
  },
  {
    rule: 'SEASONAL_TOO_LONG',
    field: 'plannedEnd',
    breakRow: (c) => (c[9] = frenchDate(daysFromToday(400))),
  },
  {
    rule: 'CAMPAIGN_UNKNOWN',
    field: 'campaign',
    breakRow: (c) => (c[10] = 'Cueillette 1999'),
  },
  {
    rule: 'DATE_INVALID',
    field: 'plannedStart',
    breakRow: (c) => (c[8] = '2027-13-01'),
  },
];

/** 5,000 rows; every row i with i % 100 === 37 is broken (50 rows), kind (i / 100) % 10. */
function bigFile(fixed = false): {
  content: Buffer;
  bad: Map<number, { rule: string; field: string }>;
} {
  const bad = new Map<number, { rule: string; field: string }>();
  const lines = [csvLine(FRENCH_HEADER)];
  for (let i = 0; i < 5000; i++) {
    const cells = hireRow(i, campaign.name);
    if (i % 100 === 37 && !fixed) {
      const broken = BROKEN[Math.floor(i / 100) % BROKEN.length];
      broken.breakRow(cells);
      bad.set(i + 2, { rule: broken.rule, field: broken.field });
    }
    lines.push(csvLine(cells));
  }
  return { content: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'), bad };
}

const timings: Record<string, number> = {};

describe('a 5,000-row file with 50 bad rows', () => {
  const file = () => ({ name: 'embauches-2027.csv', content: big.content });
  let big: ReturnType<typeof bigFile>;
  beforeAll(() => {
    big = bigFile();
  });

  it('preview lists exactly the 50 bad rows, each with its rule in English and French, and writes nothing', async () => {
    const before = await rowCounts(employerId);
    const started = Date.now();
    const res = await postImport(member, employerId, 'preview', file());
    timings['preview 5,000 rows'] = Date.now() - started;
    expect(res.statusCode).toBe(200);
    const preview = res.json<ImportPreviewResponse>();
    expect(preview.file).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      name: 'embauches-2027.csv',
    });
    expect(preview.mapping).toEqual({
      surname: 'Nom',
      givenNames: 'Prénom(s)',
      birthDate: 'Date de naissance',
      nationality: 'Nationalité',
      passportNumber: 'N° passeport',
      passportExpiry: 'Expiration passeport',
      phone: 'Téléphone',
      jobTitle: 'Poste',
      plannedStart: 'Début prévu',
      plannedEnd: 'Fin prévue',
      campaign: 'Campagne',
    });
    expect(preview.mappingSuggested).toBe(true);
    expect(preview.missingFields).toEqual([]);
    expect(preview.createsDossiers).toBe(true);
    expect(preview.totals).toEqual({
      rows: 5000,
      valid: 4950,
      invalid: 50,
      alreadyPresent: 0,
    });
    expect(preview.rows).toHaveLength(5000);
    expect(preview.rows[0]).toMatchObject({ rowNumber: 2, status: 'valid' });
    const invalid = preview.rows.filter((r) => r.status === 'invalid');
    expect(invalid.map((r) => r.rowNumber)).toEqual([...big.bad.keys()]);
    for (const row of invalid) {
      const expected = big.bad.get(row.rowNumber);
      expect(row.errors).toHaveLength(1);
      expect(row.errors[0]).toMatchObject({
        rowNumber: row.rowNumber,
        field: expected?.field,
        rule: expected?.rule,
      });
      expect(row.errors[0].message.length).toBeGreaterThan(10);
      expect(row.errors[0].messageFr.length).toBeGreaterThan(10);
      expect(row.errors[0].messageFr).not.toEqual(row.errors[0].message);
    }
    const impossible = invalid.find((r) => r.values.birthDate === '31/02/1990');
    expect(impossible?.errors[0].message).toContain('February 1990');
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it('commit without skipInvalidRows is a 422 naming the 50 rows, and writes nothing', async () => {
    const before = await rowCounts(employerId);
    const res = await postImport(owner, employerId, 'commit', file());
    expect(res.statusCode).toBe(422);
    const body = res.json<
      Omit<ApiErrorBody, 'details'> & { details: ImportRowError[] }
    >();
    expect(body.code).toBe('UNPROCESSABLE');
    expect(body.details.map((d) => d.rowNumber)).toEqual([...big.bad.keys()]);
    expect(body.details[0].messageFr).toBeTruthy();
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it('commit with skipInvalidRows=true creates the 4,950 workers and DRAFT dossiers in one go, audited', async () => {
    const before = await rowCounts(employerId);
    const started = Date.now();
    const res = await postImport(member, employerId, 'commit', file(), {
      skipInvalidRows: 'true',
    });
    timings['commit 4,950 rows'] = Date.now() - started;
    expect(res.statusCode).toBe(201);
    expect(res.json<ImportCommitResponse>()).toEqual({
      rows: 5000,
      workersCreated: 4950,
      dossiersCreated: 4950,
      skippedAlreadyPresent: 0,
      skippedInvalid: 50,
    });
    const after = await rowCounts(employerId);
    expect(after.worker - before.worker).toBe(4950);
    expect(after.dossier - before.dossier).toBe(4950);
    expect(after.dossier_event - before.dossier_event).toBe(4950);
    const source = await db();
    const [draft] = await source.query(
      `SELECT count(*)::int AS n FROM dossier d JOIN worker w ON w.id = d.worker_id
        WHERE d.employer_id = $1 AND d.state = 'DRAFT' AND d.campaign_id = $2 AND d.season = $3
          AND d.ofii_office = 'casablanca' AND w.employer_id = $1`,
      [employerId, campaign.id, campaign.season],
    );
    expect(draft.n).toBe(4950);
    // Dates read as dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd land on the same calendar day.
    const [w0, w1, w2] = await Promise.all(
      ['MA1000000', 'TN1000001', 'MA1000002'].map((passportNumber) =>
        source
          .getRepository(WorkerEntity)
          .findOneByOrFail({ employerId, passportNumber }),
      ),
    );
    expect([w0.birthDate, w1.birthDate, w2.birthDate]).toEqual([
      '1965-01-01',
      '1966-02-02',
      '1967-03-03',
    ]);
    const audit = await source.getRepository(AuditEventEntity).findOneByOrFail({
      action: 'workers.imported',
      employerId,
    });
    expect(audit.details).toMatchObject({
      workersCreated: 4950,
      dossiersCreated: 4950,
      skippedInvalid: 50,
    });
  });

  it('importing the same file again adds nothing: its rows are already present', async () => {
    const before = await rowCounts(employerId);
    const preview = (
      await postImport(owner, employerId, 'preview', file())
    ).json<ImportPreviewResponse>();
    expect(preview.totals).toEqual({
      rows: 5000,
      valid: 0,
      invalid: 50,
      alreadyPresent: 4950,
    });
    const res = await postImport(owner, employerId, 'commit', file(), {
      skipInvalidRows: 'true',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<ImportCommitResponse>()).toMatchObject({
      workersCreated: 0,
      dossiersCreated: 0,
      skippedAlreadyPresent: 4950,
    });
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it('the corrected file imports the 50 remaining rows, without skipping', async () => {
    const res = await postImport(owner, employerId, 'commit', {
      name: 'embauches-2027-corrige.csv',
      content: bigFile(true).content,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<ImportCommitResponse>()).toEqual({
      rows: 5000,
      workersCreated: 50,
      dossiersCreated: 50,
      skippedAlreadyPresent: 4950,
      skippedInvalid: 0,
    });
  });

  afterAll(() => {
    // The figures quoted in the report (loopback, app.inject, real Postgres).
    console.log(`import timings (ms): ${JSON.stringify(timings)}`);
  });
});

describe('two commits of the same file at once', () => {
  it('create each worker once: the second waits, then is refused or finds them present', async () => {
    const employer = (await createEmployer('Ferme concurrente')).id;
    const client = await signedInClient(
      app,
      await createUser({ role: 'employer_owner', employerId: employer }),
    );
    const lines = [csvLine(FRENCH_HEADER.slice(0, 6))];
    for (let i = 0; i < 300; i++)
      lines.push(csvLine(hireRow(i, '').slice(0, 6)));
    const file = { name: 'x.csv', content: Buffer.from(lines.join('\n')) };
    const [first, second] = await Promise.all([
      postImport(client, employer, 'commit', file),
      postImport(client, employer, 'commit', file),
    ]);
    const created = [first, second]
      .filter((r) => r.statusCode === 201)
      .map((r) => r.json<ImportCommitResponse>().workersCreated);
    expect(created.reduce((a, b) => a + b, 0)).toBe(300);
    for (const r of [first, second]) expect([201, 409]).toContain(r.statusCode);
    expect((await rowCounts(employer)).worker).toBe(300);
  });
});

describe('reading files', () => {
  it('reads Windows-1252 with semicolons (French Excel) and keeps accented names', async () => {
    const employer = (await createEmployer('Ferme Windows')).id;
    const client = await signedInClient(
      app,
      await createUser({ role: 'employer_owner', employerId: employer }),
    );
    const text =
      [
        'Nom;Prénom(s);Date de naissance;Nationalité;N° passeport;Expiration passeport;Langue',
        `Benaïssa;Aïcha;14/03/1991;Maroc;AB 123 4567;${frenchDate(daysFromToday(800))};Arabe`,
        `Aït Lahcen;Leïla Hélène;2/7/1988;tunisienne;TN-9876543;${daysFromToday(700)};français`,
      ].join('\r\n') + '\r\n';
    const content = Buffer.from(text, 'latin1');
    expect(content.includes(Buffer.from('ï', 'utf8'))).toBe(false);
    const preview = await postImport(client, employer, 'preview', {
      name: 'export.csv',
      content,
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json<ImportPreviewResponse>();
    expect(body.file).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
    });
    expect(body.headers[1]).toBe('Prénom(s)');
    expect(body.createsDossiers).toBe(false);
    expect(body.totals).toMatchObject({ rows: 2, valid: 2, invalid: 0 });
    expect(body.rows.map((r) => r.values.surname)).toEqual([
      'Benaïssa',
      'Aït Lahcen',
    ]);
    const commit = await postImport(client, employer, 'commit', {
      name: 'export.csv',
      content,
    });
    expect(commit.json<ImportCommitResponse>()).toMatchObject({
      workersCreated: 2,
      dossiersCreated: 0,
    });
    const workers = await (await db())
      .getRepository(WorkerEntity)
      .find({ where: { employerId: employer }, order: { surname: 'ASC' } });
    expect(
      workers.map((w) => [
        w.surname,
        w.givenNames,
        w.birthDate,
        w.nationality,
        w.passportNumber,
        w.preferredLanguage,
      ]),
    ).toEqual([
      ['Aït Lahcen', 'Leïla Hélène', '1988-07-02', 'TN', 'TN9876543', 'fr'],
      ['Benaïssa', 'Aïcha', '1991-03-14', 'MA', 'AB1234567', 'ar'],
    ]);
  });

  it('takes an explicit mapping of English headers, quoted cells and a UTF-8 BOM; rows keep their file numbers', async () => {
    const text =
      '\ufeffLast name,First name,DOB,Country,Passport,Passport expiry,Notes\r\n' +
      `"Haddad, Jr",Omar,1990-01-05,MA,ZZ7654321,${daysFromToday(500)},"two\nlines"\r\n` +
      '\r\n' +
      `Ouali,,1990-01-05,MA,ZZ7654322,${daysFromToday(500)},\r\n`;
    const res = await postImport(
      owner,
      employerId,
      'preview',
      { name: 'hires.csv', content: Buffer.from(text, 'utf8') },
      {
        mapping: JSON.stringify({
          surname: 'Last name',
          givenNames: 'First name',
          birthDate: 'DOB',
          nationality: 'Country',
          passportNumber: 'Passport',
          passportExpiry: 'Passport expiry',
        }),
      },
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<ImportPreviewResponse>();
    expect(body.mappingSuggested).toBe(false);
    expect(body.unmappedHeaders).toEqual(['Notes']);
    expect(body.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [2, 'valid'],
      [5, 'invalid'],
    ]);
    expect(body.rows[0].values.surname).toBe('Haddad, Jr');
    expect(body.rows[1].errors).toEqual([
      expect.objectContaining({
        rowNumber: 5,
        field: 'givenNames',
        column: 'First name',
        rule: 'FIELD_REQUIRED',
      }),
    ]);
  });

  it('names a passport repeated in the file', async () => {
    const row = (n: string) =>
      `Tazi,Salma,1990-01-05,MA,${n},${daysFromToday(500)}`;
    const text = `Nom,Prénom,Date de naissance,Nationalité,N° passeport,Expiration passeport\n${row('QQ1112223')}\n${row('qq 111 2223')}\n`;
    const body = (
      await postImport(owner, employerId, 'preview', {
        name: 'a.csv',
        content: Buffer.from(text),
      })
    ).json<ImportPreviewResponse>();
    expect(body.rows.map((r) => r.status)).toEqual(['valid', 'invalid']);
    expect(body.rows[1].errors[0]).toMatchObject({
      rule: 'PASSPORT_DUPLICATE_IN_FILE',
      messageFr: expect.stringContaining('ligne 2'),
    });
  });
});

describe('over a real HTTP connection', () => {
  it('accepts the FormData a browser sends (fetch, chunked upload)', async () => {
    const server = await createTestApp();
    try {
      await server.listen(0, '127.0.0.1');
      const url = await server.getUrl();
      const user = await createUser({ role: 'employer_owner', employerId });
      const client = await signedInClient(server, user);
      const form = new FormData();
      form.append('mapping', JSON.stringify({ surname: 'Nom' }));
      form.append(
        'file',
        new Blob(['Nom;Prénom\r\nTazi;Salma\r\n'], { type: 'text/csv' }),
        'embauches.csv',
      );
      const res = await fetch(
        `${url}/api/employers/${employerId}/imports/preview`,
        {
          method: 'POST',
          body: form,
          headers: {
            cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'x-xsrf-token': client.cookies.get('XSRF-TOKEN') ?? '',
          },
        },
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as ImportPreviewResponse;
      expect(body.file).toMatchObject({
        name: 'embauches.csv',
        delimiter: ';',
      });
      expect(body.rows[0].values).toEqual({ surname: 'Tazi' });
    } finally {
      await server.close();
    }
  });
});

describe('refused requests', () => {
  const csv = { name: 'a.csv', content: Buffer.from('Nom\nTazi\n') };

  it('400 without a file, with a bad mapping, or with a header only', async () => {
    const noFile = await postImport(owner, employerId, 'preview', null, {
      mapping: '{}',
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json<ApiErrorBody>().message).toMatch(/file/i);
    const badJson = await postImport(owner, employerId, 'preview', csv, {
      mapping: '{nope',
    });
    expect(badJson.statusCode).toBe(400);
    const unknownColumn = await postImport(owner, employerId, 'preview', csv, {
      mapping: JSON.stringify({ surname: 'Surname' }),
    });
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json<ApiErrorBody>().message).toContain('Surname');
    const headerOnly = await postImport(owner, employerId, 'preview', {
      name: 'a.csv',
      content: Buffer.from('Nom;Prénom\n'),
    });
    expect(headerOnly.statusCode).toBe(400);
  });

  it('413 for a file over the limit, 400 for a damaged workbook, 415 for an .xls or a non-multipart body', async () => {
    const before = await rowCounts(employerId);
    const tooBig = await postImport(owner, employerId, 'commit', {
      name: 'big.csv',
      content: Buffer.alloc(IMPORT_MAX_FILE_BYTES + 1, 'a'),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json<ApiErrorBody>().code).toBe('PAYLOAD_TOO_LARGE');
    const xlsx = await postImport(owner, employerId, 'preview', {
      name: 'embauches.xlsx',
      content: Buffer.concat([
        Buffer.from('PK\x03\x04', 'latin1'),
        Buffer.alloc(100),
      ]),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json<ApiErrorBody>().message).toMatch(/classeur/);
    const xls = await postImport(owner, employerId, 'preview', {
      name: 'embauches.csv',
      content: Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(100),
      ]),
    });
    expect(xls.statusCode).toBe(415);
    expect(xls.json<ApiErrorBody>().message).toMatch(/\.xls\b.*CSV/);
    const json = await owner.post(
      `/api/employers/${employerId}/imports/preview`,
      { file: 'Nom\nTazi' },
    );
    expect(json.statusCode).toBe(415);
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it("404 on another employer's imports (and on a foreign campaignId), its rows unchanged; 401 anonymous", async () => {
    const beforeB = await rowCounts(otherEmployerId);
    for (const step of ['preview', 'commit'] as const) {
      const res = await postImport(owner, otherEmployerId, step, {
        name: 'x.csv',
        content: bigFile().content,
      });
      expect(res.statusCode).toBe(404);
      const anonymous = await postImport(
        new TestClient(app),
        employerId,
        step,
        csv,
      );
      expect(anonymous.statusCode).toBe(401);
    }
    expect(await rowCounts(otherEmployerId)).toEqual(beforeB);
    const otherOwner = await signedInClient(
      app,
      await createUser({ role: 'employer_owner', employerId: otherEmployerId }),
    );
    const foreignCampaign = (
      await otherOwner.post(`/api/employers/${otherEmployerId}/campaigns`, {
        name: 'Taille',
        season: 2027,
      })
    ).json<CampaignResponse>();
    const res = await postImport(owner, employerId, 'preview', csv, {
      campaignId: foreignCampaign.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Taille');
  });

  it('declares employer.read for preview and employer.dossiers.write for commit (roles without them get 403: isolation matrix)', () => {
    const access = Object.fromEntries(
      listRoutes(app)
        .filter((r) => r.path.includes('/imports/'))
        .map((r) => [r.path, r.access]),
    );
    expect(access).toMatchObject({
      '/api/employers/:employerId/imports/commit': {
        kind: 'permission',
        permission: 'employer.dossiers.write',
      },
      '/api/employers/:employerId/imports/preview': {
        kind: 'permission',
        permission: 'employer.read',
      },
    });
  });
});
