import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiErrorBody, WorkerProbeResponse } from '@moisson/contract';
import { Client } from 'pg';
import {
  closeDb,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
} from '../../../test/fixtures';
import {
  createTestApp,
  createTestWorker,
  eventually,
} from '../../../test/test-app';

async function probeRow(
  id: string,
): Promise<
  { processed_at: Date | null; processed_by: string | null } | undefined
> {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    const res = await client.query(
      'SELECT processed_at, processed_by FROM worker_probe WHERE id = $1',
      [id],
    );
    return res.rows[0];
  } finally {
    await client.end();
  }
}

describe('worker probe: API -> Redis queue -> worker -> PostgreSQL', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;

  let client: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    client = await signedInClient(
      app,
      await createUser({
        role: 'employer_member',
        employerId: (await createEmployer()).id,
      }),
    );
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });
  afterAll(async () => {
    await app.close();
    await closeDb();
  });

  const post = async () => {
    const res = await client.post('/api/system/worker-probes');
    expect(res.statusCode).toBe(201);
    return res.json<WorkerProbeResponse>();
  };
  const get = async (id: string) =>
    (
      await client.get(`/api/system/worker-probes/${id}`)
    ).json<WorkerProbeResponse>();

  it('records the probe, the worker processes it, and the API reads the result back from PostgreSQL', async () => {
    worker = await createTestWorker();
    const created = await post();
    expect(created.status).toBe('queued');
    expect(created.processedAt).toBeNull();

    const done = await eventually(async () => {
      const p = await get(created.id);
      return p.status === 'done' ? p : undefined;
    });
    expect(done.processedBy).toMatch(new RegExp(`:${process.pid}$`));
    expect(
      new Date(done.processedAt as string).getTime(),
    ).toBeGreaterThanOrEqual(new Date(done.requestedAt).getTime());
    const row = await probeRow(created.id);
    expect(row?.processed_at).toBeInstanceOf(Date);
  });

  it('keeps a probe queued while no worker runs, and a worker started later processes it', async () => {
    const created = await post();
    await new Promise((r) => setTimeout(r, 300));
    expect((await get(created.id)).status).toBe('queued');

    worker = await createTestWorker();
    await eventually(async () => (await get(created.id)).status === 'done');
  });

  it('answers 404 in the common error shape for an unknown probe, and 400 for a malformed id', async () => {
    const missing = await client.get(
      '/api/system/worker-probes/6f1c1d2e-8a1b-4c3d-9e8f-0a1b2c3d4e5f',
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ApiErrorBody>()).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
    // The user's locale is French: French, even when the browser asks for English.
    expect(missing.json<ApiErrorBody>().message).toBe(
      "Aucune sonde du worker n'a l'identifiant 6f1c1d2e-8a1b-4c3d-9e8f-0a1b2c3d4e5f.",
    );
    const missingAcceptEn = await client.request(
      'GET',
      '/api/system/worker-probes/6f1c1d2e-8a1b-4c3d-9e8f-0a1b2c3d4e5f',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(missingAcceptEn.json<ApiErrorBody>().message).toMatch(
      /^Aucune sonde du worker/,
    );
    // An English-speaking user reads the same error in English.
    const english = await signedInClient(
      app,
      await createUser({
        role: 'employer_member',
        employerId: (await createEmployer()).id,
        locale: 'en',
      }),
    );
    const missingEn = await english.get(
      '/api/system/worker-probes/6f1c1d2e-8a1b-4c3d-9e8f-0a1b2c3d4e5f',
    );
    expect(missingEn.json<ApiErrorBody>()).toMatchObject({
      code: 'NOT_FOUND',
      message:
        'No worker probe has the id 6f1c1d2e-8a1b-4c3d-9e8f-0a1b2c3d4e5f.',
    });

    const malformed = await client.get('/api/system/worker-probes/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ApiErrorBody>()).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/UUID/),
    });
  });
});

describe('worker probe when Redis is unreachable', () => {
  it('answers 503 with a clear message and leaves no probe row behind', async () => {
    const app = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    const client = new Client({
      connectionString: process.env['DATABASE_URL'],
    });
    await client.connect();
    try {
      const before = Number(
        (await client.query('SELECT count(*) FROM worker_probe')).rows[0].count,
      );
      const user = await createUser({
        role: 'employer_member',
        employerId: (await createEmployer()).id,
      });
      const res = await (
        await signedInClient(app, user)
      ).post('/api/system/worker-probes');
      expect(res.statusCode).toBe(503);
      const body = res.json<ApiErrorBody>();
      expect(body.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.message).toMatch(
        /^La tâche n'a pas pu être mise en file d'attente \(.+\)\. Rien n'a été enregistré/,
      );
      expect(body.requestId).toBeTruthy();
      const after = Number(
        (await client.query('SELECT count(*) FROM worker_probe')).rows[0].count,
      );
      expect(after).toBe(before);
    } finally {
      await client.end();
      await app.close();
      await closeDb();
    }
  });
});
