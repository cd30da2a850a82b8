import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiErrorBody, DocumentRejectionDetail } from '@moisson/contract';
import {
  ZIP_END_OF_CENTRAL_DIRECTORY,
  samplePdf,
  samplePng,
  windowsExecutable,
  zipLocalHeader,
} from '../src/modules/documents/content-check/sample-files.fixture';
import { createDossier } from './dossier-fixtures';
import {
  documentTrace,
  postDocument,
  storedFiles,
  UploadFile,
} from './document-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp } from './test-app';

/** A small limit, so that "one byte over" is cheap to send. */
const LIMIT = 20_000;

let app: NestFastifyApplication;
let storageDir: string;
let owner: TestClient;
let employerId: string;
let uploadPath: string;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'moisson-hostile-'));
  app = await createTestApp({
    STORAGE_DIR: storageDir,
    DOCUMENT_MAX_BYTES: String(LIMIT),
  });
  employerId = (await createEmployer('Domaine Méfiant')).id;
  owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId }),
  );
  const dossier = await createDossier(owner, employerId);
  uploadPath = `/api/employers/${employerId}/dossiers/${dossier.id}/documents`;
});

afterAll(async () => {
  await app.close();
  await closeDb();
  await rm(storageDir, { recursive: true, force: true });
});

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const pdf = samplePdf();

/** The hostile corpus of the issue: each file, its expected status and refusal rule. */
const CORPUS: Array<{
  what: string;
  file: UploadFile;
  status: number;
  rule: DocumentRejectionDetail['rule'];
}> = [
  {
    what: 'a Windows program renamed .pdf',
    file: { name: 'permis.pdf', content: windowsExecutable() },
    status: 415,
    rule: 'DOCUMENT_EXECUTABLE',
  },
  {
    what: 'a PDF with a ZIP archive appended (polyglot)',
    file: {
      name: 'permis.pdf',
      content: Buffer.concat([
        pdf,
        zipLocalHeader('evil.html'),
        ZIP_END_OF_CENTRAL_DIRECTORY,
      ]),
    },
    status: 415,
    rule: 'DOCUMENT_POLYGLOT',
  },
  {
    what: 'an SVG image with a script',
    file: {
      name: 'scan.svg',
      type: 'image/svg+xml',
      content: latin1(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>fetch("/api/account")</script></svg>',
      ),
    },
    status: 415,
    rule: 'DOCUMENT_SVG',
  },
  {
    what: 'an HTML page named .pdf',
    file: {
      name: 'permis.pdf',
      content: latin1(
        '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>',
      ),
    },
    status: 415,
    rule: 'DOCUMENT_HTML',
  },
  {
    what: 'an empty file',
    file: { name: 'vide.pdf', content: Buffer.alloc(0) },
    status: 400,
    rule: 'DOCUMENT_EMPTY',
  },
  {
    what: 'a valid PDF one byte over the limit',
    file: { name: 'gros.pdf', content: samplePdf({ size: LIMIT + 1 }) },
    status: 413,
    rule: 'DOCUMENT_TOO_LARGE',
  },
  {
    what: 'a 10,000-character name',
    file: { name: `${'a'.repeat(9996)}.pdf`, content: pdf },
    status: 400,
    rule: 'DOCUMENT_NAME_TOO_LONG',
  },
  {
    what: 'a name with ../',
    file: { name: '../../../etc/cron.d/permis.pdf', content: pdf },
    status: 400,
    rule: 'DOCUMENT_NAME_INVALID',
  },
  {
    what: 'a PNG declared as a PDF',
    file: { name: 'permis', type: 'application/pdf', content: samplePng() },
    status: 415,
    rule: 'DOCUMENT_DECLARED_TYPE_MISMATCH',
  },
  {
    what: 'an encrypted PDF',
    file: { name: 'protege.pdf', content: samplePdf({ encrypted: true }) },
    status: 415,
    rule: 'DOCUMENT_PDF_ENCRYPTED',
  },
  {
    what: 'a truncated PDF',
    file: { name: 'coupe.pdf', content: pdf.subarray(0, pdf.length - 30) },
    status: 415,
    rule: 'DOCUMENT_PDF_TRUNCATED',
  },
];

describe('the hostile corpus', () => {
  const messages: string[] = [];

  it.each(CORPUS)(
    'refuses $what with its own reason, and stores nothing',
    async ({ file, status, rule }) => {
      const files = await storedFiles(storageDir);
      const trace = await documentTrace(employerId);
      const res = await postDocument(
        owner,
        uploadPath,
        { type: 'work_permit' },
        file,
      );
      const body = res.json<ApiErrorBody>();
      expect([res.statusCode, body.details?.[0]]).toEqual([
        status,
        expect.objectContaining({ field: 'file', rule }),
      ]);
      expect(body.message).toBe(body.details?.[0].message);
      messages.push(body.message);
      expect(await storedFiles(storageDir)).toEqual(files);
      expect(await documentTrace(employerId)).toEqual(trace);
    },
  );

  it('gave each refusal a different message', () => {
    expect(messages).toHaveLength(CORPUS.length);
    expect(new Set(messages).size).toBe(CORPUS.length);
  });

  it('accepts a PDF of exactly the limit (so the refusals above are about the files)', async () => {
    const res = await postDocument(
      owner,
      uploadPath,
      { type: 'work_permit' },
      { name: 'juste.pdf', content: samplePdf({ size: LIMIT }) },
    );
    expect(res.statusCode).toBe(201);
    expect(await storedFiles(storageDir)).toHaveLength(1);
  });
});

describe('bad forms', () => {
  it.each([
    ['no type', {}, 'DOCUMENT_TYPE_INVALID', 400],
    ['an unknown type', { type: 'tax_return' }, 'DOCUMENT_TYPE_INVALID', 400],
    [
      'an end before the start',
      { type: 'visa', validFrom: '2027-05-01', validUntil: '2027-04-30' },
      'DOCUMENT_FIELD_INVALID',
      400,
    ],
    [
      'an impossible date',
      { type: 'visa', validUntil: '2027-02-30' },
      'DOCUMENT_FIELD_INVALID',
      400,
    ],
    [
      'an unknown field',
      { type: 'visa', owner: 'x' },
      'DOCUMENT_FIELD_UNKNOWN',
      400,
    ],
  ])('refuses %s', async (_what, fields, rule, status) => {
    const trace = await documentTrace(employerId);
    const res = await postDocument(owner, uploadPath, fields, {
      name: 'ok.pdf',
      content: pdf,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json<ApiErrorBody>().details?.[0]).toMatchObject({ rule });
    expect(await documentTrace(employerId)).toEqual(trace);
  });

  it('refuses a form without a file, and a body that is not multipart', async () => {
    const noFile = await postDocument(
      owner,
      uploadPath,
      { type: 'visa' },
      null,
    );
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json<ApiErrorBody>().details?.[0]).toMatchObject({
      rule: 'DOCUMENT_FILE_MISSING',
    });
    const json = await owner.post(uploadPath, { type: 'visa' });
    expect(json.statusCode).toBe(415);
  });
});
