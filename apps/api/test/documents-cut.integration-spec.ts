import {
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { samplePdf } from '../src/modules/documents/content-check/sample-files.fixture';
import { createDossier } from './dossier-fixtures';
import {
  documentForm,
  documentTrace,
  postDocument,
  storedFiles,
  uploadDocument,
} from './document-fixtures';
import {
  closeDb,
  db,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp, eventually } from './test-app';

/*
 * An upload cut off half-way, over a real TCP connection: the client announces the whole body,
 * sends half of it, then closes. Nothing may stay behind: no file (not even a temporary one) and
 * no row.
 */
let app: NestFastifyApplication;
let storageDir: string;
let port: number;
let owner: TestClient;
let employerId: string;
let path: string;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'moisson-cut-'));
  // What a process killed in the middle of an upload leaves: its temporary file, never renamed.
  await mkdir(join(storageDir, '.incoming'));
  await writeFile(join(storageDir, '.incoming', 'killed.part'), 'half');
  const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
  await utimes(
    join(storageDir, '.incoming', 'killed.part'),
    twoDaysAgo,
    twoDaysAgo,
  );
  app = await createTestApp({ STORAGE_DIR: storageDir });
  await app.listen(0, '127.0.0.1');
  port = (app.getHttpServer().address() as { port: number }).port;
  employerId = (await createEmployer('Domaine Interrompu')).id;
  owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId }),
  );
  const dossier = await createDossier(owner, employerId);
  path = `/api/employers/${employerId}/dossiers/${dossier.id}/documents`;
});

afterAll(async () => {
  await app.close();
  await closeDb();
  await rm(storageDir, { recursive: true, force: true });
});

/** The request head and body of an upload of `content`, as the signed-in owner. */
function rawUpload(content: Buffer): { head: string; body: Buffer } {
  const { payload, headers } = documentForm(
    { type: 'work_permit' },
    { name: 'permis.pdf', content },
  );
  const cookies = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
    `Content-Type: ${headers['content-type']}\r\nContent-Length: ${payload.length}\r\n` +
    `Cookie: ${cookies}\r\nX-XSRF-TOKEN: ${owner.cookies.get('XSRF-TOKEN')}\r\n` +
    `Connection: close\r\n\r\n`;
  return { head, body: payload };
}

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

function answer(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('close', () => resolve(text));
  });
}

const pdf = samplePdf({ size: 3 * 1024 * 1024 });

it('removes at start up what an upload killed with its process left a day ago', async () => {
  await eventually(async () => (await storedFiles(storageDir)).length === 0);
  expect(await storedFiles(storageDir)).toEqual([]);
});

it('stores a complete upload sent the same way (so the test below can tell)', async () => {
  const socket = await open();
  const reply = answer(socket);
  const { head, body } = rawUpload(pdf);
  socket.write(head);
  socket.write(body);
  expect(await reply).toMatch(/^HTTP\/1\.1 201 /);
  expect(await storedFiles(storageDir)).toHaveLength(1);
});

it('leaves neither file nor row when the connection closes half-way through the file', async () => {
  const files = await storedFiles(storageDir);
  const trace = await documentTrace(employerId);
  const socket = await open();
  const { head, body } = rawUpload(pdf);
  socket.write(head);
  socket.write(body.subarray(0, Math.floor(body.length / 2)));
  // Wait until the server has started writing the file, then hang up.
  await eventually(async () =>
    (await storedFiles(storageDir)).some((f) => f.startsWith('.incoming/')),
  );
  socket.end();
  socket.destroy();
  await eventually(
    async () =>
      JSON.stringify(await storedFiles(storageDir)) === JSON.stringify(files),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await storedFiles(storageDir)).toEqual(files);
  expect(await documentTrace(employerId)).toEqual(trace);
});

/** Makes every audit insert of `action` fail, as a full disk or a lost connection would. */
async function auditFails<T>(
  action: string,
  run: () => Promise<T>,
): Promise<T> {
  const source = await db();
  await source.query(`CREATE OR REPLACE FUNCTION audit_refuses() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'audit log unavailable (test)'; END $$ LANGUAGE plpgsql`);
  await source.query(`CREATE TRIGGER audit_refuses BEFORE INSERT ON audit_event
    FOR EACH ROW WHEN (NEW.action = '${action}') EXECUTE FUNCTION audit_refuses()`);
  try {
    return await run();
  } finally {
    await source.query('DROP TRIGGER audit_refuses ON audit_event');
  }
}

it('leaves neither file nor row when the upload cannot be audited', async () => {
  const files = await storedFiles(storageDir);
  const trace = await documentTrace(employerId);
  const res = await auditFails('document.uploaded', () =>
    postDocument(
      owner,
      path,
      { type: 'work_permit' },
      { name: 'permis.pdf', content: samplePdf({ text: 'not audited' }) },
    ),
  );
  expect(res.statusCode).toBe(500);
  expect(await storedFiles(storageDir)).toEqual(files);
  expect(await documentTrace(employerId)).toEqual(trace);
});

it('closes the file it opened when a read cannot be audited (no bytes sent)', async () => {
  const { document } = await uploadDocument(
    owner,
    path,
    { type: 'visa' },
    { name: 'visa.pdf', content: samplePdf({ text: 'visa' }) },
  );
  const openFiles = async () =>
    (
      await Promise.all(
        (await readdir('/proc/self/fd')).map((fd) =>
          readlink(`/proc/self/fd/${fd}`).catch(() => ''),
        ),
      )
    ).filter((target) => target.startsWith(storageDir)).length;
  const before = await openFiles();
  const res = await auditFails('document.read', () =>
    owner.get(`/api/employers/${employerId}/documents/${document.id}/download`),
  );
  expect(res.statusCode).toBe(500);
  expect(res.body).not.toContain('%PDF');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await openFiles()).toBe(before);
});
