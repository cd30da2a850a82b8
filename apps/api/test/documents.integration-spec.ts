import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiErrorBody,
  DocumentChecklist,
  DocumentListItem,
  DocumentListResponse,
  DossierDetail,
} from '@moisson/contract';
import { DocumentExpiriesService } from '../src/modules/documents/document-expiries.service';
import {
  samplePdf,
  samplePng,
} from '../src/modules/documents/content-check/sample-files.fixture';
import { createDossier, day, move } from './dossier-fixtures';
import {
  documentReads,
  postDocument,
  storedFiles,
  uploadDocument,
} from './document-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp } from './test-app';

let app: NestFastifyApplication;
let storageDir: string;
let owner: TestClient;
let member: TestClient;
let staff: TestClient;
let ownerOfB: TestClient;
let employerId: string;
let employerB: string;
let dossier: DossierDetail;
let base: string;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'moisson-documents-'));
  app = await createTestApp({ STORAGE_DIR: storageDir });
  employerId = (await createEmployer('Domaine des Papiers')).id;
  employerB = (await createEmployer('Vergers de B')).id;
  owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId }),
  );
  member = await signedInClient(
    app,
    await createUser({ role: 'employer_member', employerId }),
  );
  staff = await signedInClient(app, await createUser({ role: 'firm_staff' }));
  ownerOfB = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId: employerB }),
  );
  dossier = await createDossier(owner, employerId);
  await move(owner, employerId, dossier.id, 'AT_SUBMITTED', {
    submissionDate: day(-20),
  });
  base = `/api/employers/${employerId}`;
});

afterAll(async () => {
  await app.close();
  await closeDb();
  await rm(storageDir, { recursive: true, force: true });
});

/** The body as bytes (app.inject keeps them as rawPayload). */
const bytesOf = (res: object) => (res as { rawPayload: Buffer }).rawPayload;
const sha256 = (bytes: Buffer) =>
  createHash('sha256').update(bytes).digest('hex');
const permitPdf = samplePdf({ text: 'Autorisation de travail AT-47-2027' });

describe('a work permit uploaded to a dossier', () => {
  let permit: DocumentListItem;

  it('is stored under a generated key with its size, hash, detected type and name', async () => {
    const before = await storedFiles(storageDir);
    const res = await uploadDocument(
      member,
      `${base}/dossiers/${dossier.id}/documents`,
      {
        type: 'work_permit',
        reference: 'AT-47-2027-00042',
        validFrom: day(-2),
        validUntil: day(300),
      },
      { name: 'Permis Benali été.pdf', content: permitPdf },
    );
    permit = res.document;
    expect(permit).toMatchObject({
      employerId,
      dossierId: dossier.id,
      workerId: dossier.worker.id,
      type: 'work_permit',
      reference: 'AT-47-2027-00042',
      size: permitPdf.length,
      sha256: sha256(permitPdf),
      contentType: 'application/pdf',
      displayName: 'Permis Benali été.pdf',
      deletedAt: null,
      duplicateOf: null,
    });
    const added = (await storedFiles(storageDir)).filter(
      (f) => !before.includes(f),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(added[0]).not.toContain('Benali');
    expect(await readFile(join(storageDir, added[0]))).toEqual(permitPdf);
  });

  it('suggests the AT_GRANTED step, which the user applies by a separate request', async () => {
    const res = await uploadDocument(
      member,
      `${base}/dossiers/${dossier.id}/documents`,
      {
        type: 'work_permit',
        reference: 'AT-47-2027-00043',
        validFrom: day(-1),
      },
      { name: 'permis-v2.pdf', content: samplePdf({ text: 'v2' }) },
    );
    const suggestion = res.permitSuggestion;
    expect(suggestion?.changes).toEqual(['permitNumber', 'permitGrantedOn']);
    const unchanged = await owner.get(`${base}/dossiers/${dossier.id}`);
    expect(unchanged.json<DossierDetail>().state).toBe('AT_SUBMITTED');
    const apply = suggestion?.apply;
    if (!apply) throw new Error('expected a suggestion to apply');
    const applied = await owner.request(apply.method, apply.path, apply.body);
    expect(applied.statusCode).toBe(201);
    expect(applied.json<DossierDetail>()).toMatchObject({
      state: 'AT_GRANTED',
      permitNumber: 'AT-47-2027-00043',
      permitGrantedOn: day(-1),
    });
  });

  it('flags the same file twice on the dossier and does not store the bytes again', async () => {
    const before = await storedFiles(storageDir);
    const again = await uploadDocument(
      owner,
      `${base}/dossiers/${dossier.id}/documents`,
      { type: 'work_permit' },
      { name: 'copie.pdf', content: permitPdf },
    );
    expect(again.document.duplicateOf).toBe(permit.id);
    expect(again.document.sha256).toBe(permit.sha256);
    expect(await storedFiles(storageDir)).toEqual(before);
    const download = await owner.get(
      `${base}/documents/${again.document.id}/download`,
    );
    expect(bytesOf(download)).toEqual(permitPdf);
  });

  it('keeps one original and one stored copy when the same bytes arrive twice at once', async () => {
    const before = await storedFiles(storageDir);
    const same = samplePdf({ text: 'sent twice at once' });
    const [a, b] = await Promise.all(
      ['a.pdf', 'b.pdf'].map((name) =>
        uploadDocument(
          owner,
          `${base}/dossiers/${dossier.id}/documents`,
          { type: 'employment_contract' },
          { name, content: same },
        ),
      ),
    );
    const originals = [a, b].filter((r) => r.document.duplicateOf === null);
    expect(originals).toHaveLength(1);
    expect([a, b].map((r) => r.document.duplicateOf).sort()).toEqual(
      [null, originals[0].document.id].sort(),
    );
    const added = (await storedFiles(storageDir)).filter(
      (f) => !before.includes(f),
    );
    expect(added).toHaveLength(1);
    for (const r of [a, b])
      await owner.request('DELETE', `${base}/documents/${r.document.id}`);
  });

  it('downloads and previews with safe headers, each read in the audit log', async () => {
    const download = await member.get(
      `${base}/documents/${permit.id}/download`,
    );
    expect(download.statusCode).toBe(200);
    expect(bytesOf(download)).toEqual(permitPdf);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-disposition': `attachment; filename="Permis Benali ete.pdf"; filename*=UTF-8''Permis%20Benali%20%C3%A9t%C3%A9.pdf`,
    });
    const preview = await staff.get(`${base}/documents/${permit.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline; /);
    expect(preview.headers['content-security-policy']).toContain(
      "default-src 'none'",
    );
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    const reads = await documentReads(permit.id);
    expect(reads.map((r) => r.details.via)).toEqual(['download', 'preview']);
  });

  it('previews an image sandboxed, with its detected type', async () => {
    const png = await uploadDocument(
      owner,
      `${base}/dossiers/${dossier.id}/documents`,
      { type: 'other' },
      { name: 'photo', content: samplePng(), type: 'application/octet-stream' },
    );
    expect(png.document.displayName).toBe('photo.png');
    const preview = await owner.get(
      `${base}/documents/${png.document.id}/preview`,
    );
    expect(preview.headers['content-type']).toBe('image/png');
    expect(preview.headers['content-security-policy']).toMatch(/sandbox$/);
  });
});

describe('lists, checklist and the worker level', () => {
  it('attaches a passport to the worker and shows it on every dossier of theirs', async () => {
    const res = await postDocument(
      owner,
      `${base}/workers/${dossier.worker.id}/documents`,
      { type: 'passport', reference: 'MA1234567', validUntil: day(900) },
      { name: 'passeport.jpg', content: samplePng(), type: 'image/png' },
    );
    expect(res.statusCode).toBe(415); // named .jpg but a PNG: refused, see the hostile corpus
    const ok = await uploadDocument(
      owner,
      `${base}/workers/${dossier.worker.id}/documents`,
      { type: 'passport', reference: 'MA1234567', validUntil: day(900) },
      { name: 'passeport.png', content: samplePng(40, 30), type: 'image/png' },
    );
    expect(ok.document.dossierId).toBeNull();
    const list = (
      await member.get(`${base}/dossiers/${dossier.id}/documents`)
    ).json<DocumentListResponse>();
    expect(list.items.map((d) => d.type)).toContain('passport');
    const ofWorker = (
      await member.get(`${base}/workers/${dossier.worker.id}/documents`)
    ).json<DocumentListResponse>();
    expect(ofWorker.items).toHaveLength(list.items.length);
  });

  it('refuses a dossier paper on the worker level', async () => {
    const res = await postDocument(
      owner,
      `${base}/workers/${dossier.worker.id}/documents`,
      { type: 'work_permit' },
      { name: 'permis.pdf', content: samplePdf() },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<ApiErrorBody>().details?.[0]).toMatchObject({
      field: 'type',
      rule: 'DOCUMENT_TYPE_NOT_FOR_WORKER',
    });
  });

  it('ticks what the state expects and lists what is missing', async () => {
    const checklist = (
      await member.get(`${base}/dossiers/${dossier.id}/documents/checklist`)
    ).json<DocumentChecklist>();
    expect(checklist.state).toBe('AT_GRANTED');
    expect(checklist.expected).toEqual([
      'passport',
      'employment_contract',
      'work_permit',
    ]);
    expect(checklist.missing).toEqual(['employment_contract']);
    expect(checklist.items.find((i) => i.type === 'work_permit')).toMatchObject(
      { present: true, label: { fr: 'Autorisation de travail' } },
    );
  });

  it('gives the reminders the validity ends of the dossier and its worker', async () => {
    const expiries = await app
      .get(DocumentExpiriesService)
      .documentExpiries(employerId, [dossier.id]);
    expect(
      expiries
        .get(dossier.id)
        ?.map((e) => [e.kind, e.validUntil])
        .sort(),
    ).toEqual([
      ['passport', day(900)],
      ['work_permit', day(300)],
    ]);
    const foreign = await app
      .get(DocumentExpiriesService)
      .documentExpiries(employerB, [dossier.id]);
    expect(foreign.get(dossier.id)).toEqual([]);
  });
});

describe('another employer', () => {
  it('gets 404 on the document, its bytes, its deletion, its lists, and nothing is read', async () => {
    const list = (
      await owner.get(`${base}/dossiers/${dossier.id}/documents`)
    ).json<DocumentListResponse>();
    const target = list.items[0];
    const readsBefore = (await documentReads(target.id)).length;
    for (const path of [
      `${base}/documents/${target.id}`,
      `${base}/documents/${target.id}/download`,
      `${base}/documents/${target.id}/preview`,
      `${base}/dossiers/${dossier.id}/documents`,
      `${base}/dossiers/${dossier.id}/documents/checklist`,
      `/api/employers/${employerB}/documents/${target.id}/download`,
      `/api/employers/${employerB}/documents/${target.id}/preview`,
    ])
      expect([path, (await ownerOfB.get(path)).statusCode]).toEqual([
        path,
        404,
      ]);
    const del = await ownerOfB.request(
      'DELETE',
      `/api/employers/${employerB}/documents/${target.id}`,
    );
    expect(del.statusCode).toBe(404);
    expect(await documentReads(target.id)).toHaveLength(readsBefore);
    const still = await owner.get(`${base}/documents/${target.id}`);
    expect(still.json<DocumentListItem>().deletedAt).toBeNull();
  });
});

describe('delete and restore', () => {
  it('hides a deleted document from the farm, keeps it for the firm, which restores it', async () => {
    const { document } = await uploadDocument(
      owner,
      `${base}/dossiers/${dossier.id}/documents`,
      { type: 'employment_contract' },
      { name: 'contrat.pdf', content: samplePdf({ text: 'Contrat' }) },
    );
    const deleted = await member.request(
      'DELETE',
      `${base}/documents/${document.id}`,
    );
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json<DocumentListItem>().deletedBy?.id).toBeTruthy();
    const farmList = await owner.get(
      `${base}/dossiers/${dossier.id}/documents?includeDeleted=true`,
    );
    expect(farmList.body).not.toContain(document.id);
    expect(
      (await owner.get(`${base}/documents/${document.id}/download`)).statusCode,
    ).toBe(404);
    const firmList = await staff.get(
      `${base}/dossiers/${dossier.id}/documents?includeDeleted=true`,
    );
    expect(firmList.body).toContain(document.id);
    const byFarm = await owner.post(`${base}/documents/${document.id}/restore`);
    expect(byFarm.statusCode).toBe(403);
    const restored = await staff.post(
      `${base}/documents/${document.id}/restore`,
    );
    expect(restored.statusCode).toBe(201);
    expect(restored.json<DocumentListItem>().deletedAt).toBeNull();
    const download = await owner.get(
      `${base}/documents/${document.id}/download`,
    );
    expect(download.statusCode).toBe(200);
  });
});
