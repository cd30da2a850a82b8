import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  CampaignResponse,
  DocumentUploadResponse,
  DossierDetail,
  NoteResponse,
  UserResponse,
} from '@moisson/contract';
import { roleHasPermission } from '@moisson/contract';
import { samplePdf } from '../src/modules/documents/content-check/sample-files.fixture';
import { postDocument } from './document-fixtures';
import {
  createDossier,
  day,
  dossierInput,
  workerInput,
} from './dossier-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
  uniqueEmail,
} from './fixtures';
import { postImport } from './import-fixtures';
import { listRoutes, RouteInfo } from './routes';
import { createTestApp } from './test-app';

/**
 * "Acting for an employer": every write firm staff make on an employer's routes is in the audit
 * log with the staff member as actor and the employer's id. The routes are read from the router:
 * a new write route under /api/employers/:employerId makes the first test fail until it is
 * exercised here.
 */
let app: NestFastifyApplication;
let storageDir: string;
let admin: TestClient;
let adminId: string;
let owner: TestClient;
let employerId: string;
let routes: RouteInfo[];
const ids = {} as {
  worker: string;
  campaign: string;
  dossier: string;
  document: string;
  note: string;
  member: string;
};

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'moisson-acting-'));
  app = await createTestApp({ STORAGE_DIR: storageDir });
  routes = listRoutes(app);
  employerId = (await createEmployer('Domaine Représenté')).id;
  const adminUser = await createUser({ role: 'firm_admin' });
  adminId = adminUser.id;
  admin = await signedInClient(app, adminUser);
  owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId }),
  );
  ids.member = (await createUser({ role: 'employer_member', employerId })).id;
});

afterAll(async () => {
  await app.close();
  await closeDb();
  await rm(storageDir, { recursive: true, force: true });
});

const base = () => `/api/employers/${employerId}`;
const csv = () => ({
  name: 'embauches.csv',
  content: Buffer.from(
    'Nom,Prénom,Date de naissance,Nationalité,N° passeport,Expiration passeport\n' +
      `Agissant,Test,1990-01-01,MA,${workerInput().passportNumber},2099-01-01\n`,
  ),
});

/** One successful call per write route, in an order where each finds what it needs. */
const calls: Array<
  [string, () => Promise<{ statusCode: number; body: string }>]
> = [
  [
    'POST /api/employers/:employerId/workers',
    async () => {
      const res = await admin.post(`${base()}/workers`, workerInput());
      ids.worker = res.json<{ id: string }>().id;
      return res;
    },
  ],
  [
    'PATCH /api/employers/:employerId/workers/:workerId',
    () =>
      admin.patch(`${base()}/workers/${ids.worker}`, {
        phone: '+212 6 11 22 33 44',
      }),
  ],
  [
    'POST /api/employers/:employerId/campaigns',
    async () => {
      const res = await admin.post(`${base()}/campaigns`, {
        name: 'Vendanges 2027',
        season: 2027,
      });
      ids.campaign = res.json<CampaignResponse>().id;
      return res;
    },
  ],
  [
    'PATCH /api/employers/:employerId/campaigns/:campaignId',
    () =>
      admin.patch(`${base()}/campaigns/${ids.campaign}`, {
        notes: 'Départ groupé',
      }),
  ],
  [
    'POST /api/employers/:employerId/dossiers',
    async () => {
      const res = await admin.post(
        `${base()}/dossiers`,
        dossierInput(ids.worker, { campaignId: ids.campaign }),
      );
      ids.dossier = res.json<DossierDetail>().id;
      return res;
    },
  ],
  [
    'PATCH /api/employers/:employerId/dossiers/:dossierId',
    () =>
      admin.patch(`${base()}/dossiers/${ids.dossier}`, {
        jobTitle: 'Tailleur de vigne',
      }),
  ],
  [
    'POST /api/employers/:employerId/dossiers/:dossierId/transitions',
    () =>
      admin.post(`${base()}/dossiers/${ids.dossier}/transitions`, {
        to: 'AT_SUBMITTED',
        data: { submissionDate: day(-3) },
      }),
  ],
  [
    'POST /api/employers/:employerId/dossiers/transitions',
    async () => {
      const other = await createDossier(owner, employerId);
      return admin.post(`${base()}/dossiers/transitions`, {
        dossierIds: [other.id],
        to: 'WITHDRAWN',
        data: { reason: 'Le salarié a renoncé' },
      });
    },
  ],
  [
    'POST /api/employers/:employerId/dossiers/:dossierId/rehire',
    () => admin.post(`${base()}/dossiers/${ids.dossier}/rehire`, {}),
  ],
  [
    'POST /api/employers/:employerId/dossiers/:dossierId/documents',
    async () => {
      const res = await postDocument(
        admin,
        `${base()}/dossiers/${ids.dossier}/documents`,
        { type: 'employment_contract' },
        { name: 'contrat.pdf', content: samplePdf({ text: 'Contrat' }) },
      );
      ids.document = res.json<DocumentUploadResponse>().document.id;
      return res;
    },
  ],
  [
    'POST /api/employers/:employerId/workers/:workerId/documents',
    () =>
      postDocument(
        admin,
        `${base()}/workers/${ids.worker}/documents`,
        { type: 'passport', reference: 'AB1234567' },
        { name: 'passeport.pdf', content: samplePdf({ text: 'Passeport' }) },
      ),
  ],
  [
    'DELETE /api/employers/:employerId/documents/:documentId',
    () => admin.request('DELETE', `${base()}/documents/${ids.document}`),
  ],
  [
    'POST /api/employers/:employerId/documents/:documentId/restore',
    () => admin.post(`${base()}/documents/${ids.document}/restore`),
  ],
  [
    'POST /api/employers/:employerId/imports/commit',
    () => postImport(admin, employerId, 'commit', csv()),
  ],
  [
    'POST /api/employers/:employerId/notes',
    async () => {
      const res = await admin.post(`${base()}/notes`, {
        body: 'Appeler lundi',
        visibility: 'internal',
      });
      ids.note = res.json<NoteResponse>().id;
      return res;
    },
  ],
  [
    'PATCH /api/employers/:employerId/notes/:noteId',
    () => admin.patch(`${base()}/notes/${ids.note}`, { visibility: 'shared' }),
  ],
  [
    'DELETE /api/employers/:employerId/notes/:noteId',
    () => admin.request('DELETE', `${base()}/notes/${ids.note}`),
  ],
  [
    'PUT /api/employers/:employerId/reminder-settings',
    () =>
      admin.request('PUT', `${base()}/reminder-settings`, {
        convocationOverdueDays: 35,
      }),
  ],
  ['PATCH /api/employers/:id', () => admin.patch(base(), { city: 'Tonneins' })],
  [
    'POST /api/employers/:id/invitations',
    () =>
      admin.post(`${base()}/invitations`, {
        email: uniqueEmail('invite'),
        role: 'employer_member',
      }),
  ],
  [
    'PATCH /api/employers/:id/users/:userId',
    () =>
      admin.patch(`${base()}/users/${ids.member}`, {
        role: 'employer_owner',
      } satisfies Partial<UserResponse>),
  ],
];

/** The write routes of one employer that firm staff may call (reads sent as POST excluded). */
function employerWriteRoutes(): string[] {
  return routes
    .filter(
      (r) =>
        r.method !== 'GET' &&
        /^\/api\/employers\/:(employerId|id)(\/|$)/.test(r.path) &&
        r.access?.kind === 'permission' &&
        r.access.permission !== 'employer.read' &&
        roleHasPermission('firm_admin', r.access.permission),
    )
    .map((r) => `${r.method} ${r.path}`)
    .sort();
}

it('exercises every write route of an employer (a new one must be added here)', () => {
  expect(calls.map(([route]) => route).sort()).toEqual(employerWriteRoutes());
});

it('writes one firm.acted_for_employer event per write, naming the staff member and the employer', async () => {
  const source = await db();
  const failures: string[] = [];
  for (const [route, call] of calls) {
    const before = await source.query(
      `SELECT coalesce(max(id), 0) AS id FROM audit_event`,
    );
    const res = await call();
    if (res.statusCode >= 300) {
      failures.push(`${route} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      continue;
    }
    const events = await source.query(
      `SELECT actor_user_id, employer_id, target_type, target_id, details FROM audit_event
       WHERE id > $1 AND action = 'firm.acted_for_employer'`,
      [before[0].id],
    );
    if (
      events.length !== 1 ||
      events[0].actor_user_id !== adminId ||
      events[0].employer_id !== employerId ||
      events[0].details.route !== route ||
      events[0].details.actorName !== 'Test firm_admin' ||
      !events[0].target_id
    )
      failures.push(`${route}: ${JSON.stringify(events)}`);
  }
  expect(failures).toEqual([]);
});

it('names the object touched: the dossier of a transition, the worker created', async () => {
  const source = await db();
  const rows = await source.query(
    `SELECT target_type, target_id, details->>'route' AS route FROM audit_event
     WHERE action = 'firm.acted_for_employer' AND employer_id = $1`,
    [employerId],
  );
  const of = (route: string) =>
    rows.find((r: { route: string }) => r.route === route);
  expect(of('POST /api/employers/:employerId/workers')).toMatchObject({
    target_type: 'worker',
    target_id: ids.worker,
  });
  expect(
    of('POST /api/employers/:employerId/dossiers/:dossierId/transitions'),
  ).toMatchObject({
    target_type: 'dossier',
    target_id: ids.dossier,
  });
});

it("records nothing for the employer's own users, for reads, or for a refused write", async () => {
  const source = await db();
  const before = await source.query(
    `SELECT coalesce(max(id), 0) AS id FROM audit_event`,
  );
  await owner.patch(`${base()}/workers/${ids.worker}`, {
    phone: '+212 6 99 88 77 66',
  });
  await admin.get(`${base()}/dossiers`);
  await postImport(admin, employerId, 'preview', csv());
  const refused = await admin.patch(`${base()}/dossiers/${ids.dossier}`, {
    plannedEnd: '2020-01-01',
  });
  expect(refused.statusCode).toBeGreaterThanOrEqual(400);
  const events = await source.query(
    `SELECT action FROM audit_event WHERE id > $1 AND action = 'firm.acted_for_employer'`,
    [before[0].id],
  );
  expect(events).toEqual([]);
});
