import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiErrorBody, Page } from '@moisson/contract';
import {
  isFirmRole,
  roleHasPermission,
  USER_ROLES,
  UserRole,
} from '@moisson/contract';
import type { CampaignResponse, DossierDetail } from '@moisson/contract';
import {
  createDossier,
  dossierInput,
  rowCounts,
  workerInput,
} from './dossier-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
  uniqueEmail,
} from './fixtures';
import { postImport } from './import-fixtures';
import { uploadDocument } from './document-fixtures';
import { samplePdf } from '../src/modules/documents/content-check/sample-files.fixture';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAccess, listRoutes, RouteInfo } from './routes';
import { createTestApp } from './test-app';

/**
 * Who may call what, for every route the Nest router knows. A new route without a declared
 * permission, or one that leaks another employer's rows, fails here by itself.
 */
let app: NestFastifyApplication;
let routes: RouteInfo[];

/** A worker, a campaign and a dossier of one employer. */
interface Hires {
  workerId: string;
  campaignId: string;
  dossierId: string;
  passportNumber: string;
  documentId: string;
}

/** Employer A (the caller's) and employer B (someone else's), each with users and hires. */
const world = {} as {
  a: { id: string; ownerId: string; memberId: string } & Hires;
  b: {
    id: string;
    ownerId: string;
    memberId: string;
    legalName: string;
  } & Hires;
  staffUserId: string;
  clients: Record<UserRole, TestClient>;
  clientOfB: TestClient;
};

beforeAll(async () => {
  app = await createTestApp({
    STORAGE_DIR: await mkdtemp(join(tmpdir(), 'moisson-matrix-')),
  });
  routes = listRoutes(app);
  const a = await createEmployer('Employer A');
  const b = await createEmployer('Employer B (someone else)');
  const ownerA = await createUser({ role: 'employer_owner', employerId: a.id });
  const memberA = await createUser({
    role: 'employer_member',
    employerId: a.id,
  });
  const ownerB = await createUser({ role: 'employer_owner', employerId: b.id });
  const memberB = await createUser({
    role: 'employer_member',
    employerId: b.id,
  });
  const admin = await createUser({ role: 'firm_admin' });
  const staff = await createUser({ role: 'firm_staff' });
  world.staffUserId = staff.id;
  world.clients = {
    firm_admin: await signedInClient(app, admin),
    firm_staff: await signedInClient(app, staff),
    employer_owner: await signedInClient(app, ownerA),
    employer_member: await signedInClient(app, memberA),
  };
  world.clientOfB = await signedInClient(app, ownerB);
  world.a = {
    id: a.id,
    ownerId: ownerA.id,
    memberId: memberA.id,
    ...(await hiresOf(world.clients.employer_owner, a.id)),
  };
  world.b = {
    id: b.id,
    ownerId: ownerB.id,
    memberId: memberB.id,
    legalName: b.legalName,
    ...(await hiresOf(world.clientOfB, b.id)),
  };
});

async function hiresOf(client: TestClient, employerId: string): Promise<Hires> {
  const campaign = (
    await client.post(`/api/employers/${employerId}/campaigns`, {
      name: 'Vendanges 2027',
      season: 2027,
    })
  ).json<CampaignResponse>();
  const dossier: DossierDetail = await createDossier(client, employerId, {
    campaignId: campaign.id,
    season: 2027,
  });
  const { document } = await uploadDocument(
    client,
    `/api/employers/${employerId}/dossiers/${dossier.id}/documents`,
    { type: 'passport' },
    { name: 'passeport.pdf', content: samplePdf({ text: employerId }) },
  );
  return {
    workerId: dossier.worker.id,
    campaignId: campaign.id,
    dossierId: dossier.id,
    passportNumber: dossier.worker.passportNumber,
    documentId: document.id,
  };
}

afterAll(async () => {
  await app.close();
  await closeDb();
});

/**
 * Path parameters pointing at employer B's objects (or at firm objects for firm routes).
 * `objectsOf` (default: the same employer) gives the worker, campaign and dossier ids, so that a
 * path can name A as the employer and B's objects.
 */
function pathFor(
  route: RouteInfo,
  target: 'B' | 'A',
  objectsOf: 'B' | 'A' = target,
): string {
  const employer = target === 'B' ? world.b : world.a;
  const objects = objectsOf === 'B' ? world.b : world.a;
  return route.path
    .replace(':employerId', employer.id)
    .replace(':workerId', objects.workerId)
    .replace(':campaignId', objects.campaignId)
    .replace(':dossierId', objects.dossierId)
    .replace(':documentId', objects.documentId)
    .replace(':userId', employer.memberId)
    .replace(':token', 'x'.repeat(43))
    .replace(
      ':id',
      route.path.startsWith('/api/staff/')
        ? world.staffUserId
        : route.path.startsWith('/api/employers/')
          ? employer.id
          : '00000000-0000-4000-8000-000000000000',
    );
}

/** A body that passes validation where the route needs one, so the answer is about access. */
function bodyFor(route: RouteInfo, objectsOf: 'A' | 'B' = 'A'): unknown {
  if (route.method === 'GET') return undefined;
  const objects = objectsOf === 'B' ? world.b : world.a;
  const hires = '/api/employers/:employerId';
  const bodies: Record<string, unknown> = {
    [`POST ${hires}/workers`]: workerInput(),
    [`PATCH ${hires}/workers/:workerId`]: { phone: '+212 6 00 00 00 00' },
    [`POST ${hires}/campaigns`]: { name: 'Taille 2027', season: 2027 },
    [`PATCH ${hires}/campaigns/:campaignId`]: { notes: 'matrix' },
    [`POST ${hires}/dossiers`]: dossierInput(objects.workerId, {
      season: 2031,
    }),
    [`PATCH ${hires}/dossiers/:dossierId`]: { jobTitle: 'Matrix' },
    [`POST ${hires}/dossiers/:dossierId/transitions`]: {
      to: 'WITHDRAWN',
      data: { reason: 'matrix' },
    },
    [`POST ${hires}/dossiers/transitions`]: {
      dossierIds: [objects.dossierId],
      to: 'WITHDRAWN',
      data: { reason: 'matrix' },
    },
    [`POST ${hires}/dossiers/:dossierId/rehire`]: {},
  };
  const known = bodies[`${route.method} ${route.path}`];
  if (known !== undefined) return known;
  if (route.path.endsWith('/invitations'))
    return {
      email: uniqueEmail('matrix'),
      role: route.path.includes('staff') ? 'firm_staff' : 'employer_member',
    };
  if (route.path.endsWith('/users/:userId')) return { role: 'employer_member' };
  return {};
}

async function call(client: TestClient, route: RouteInfo, target: 'A' | 'B') {
  return client.request(
    route.method as 'GET',
    pathFor(route, target),
    bodyFor(route, target),
  );
}

it('finds the routes from the router itself', () => {
  expect(routes.length).toBeGreaterThanOrEqual(20);
  expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
    expect.arrayContaining(['GET /api/employers/:id', 'POST /api/auth/login']),
  );
});

it('has a declared permission on every route (a new route without one fails here)', () => {
  const undeclared = routes
    .filter((r) => !r.access)
    .map((r) => `${r.method} ${r.path}`);
  expect(undeclared).toEqual([]);
});

it('matches the committed route -> permission snapshot (a diff shows who gained access)', () => {
  expect(
    routes.map(
      (r) =>
        `${r.method.padEnd(6)} ${r.path.padEnd(48)} ${describeAccess(r.access)}`,
    ),
  ).toMatchSnapshot();
});

describe('anonymous callers', () => {
  it('get 401 on every route that is not public', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.access?.kind === 'permission')) {
      const res = await call(new TestClient(app), route, 'A');
      if (res.statusCode !== 401)
        failures.push(`${route.method} ${route.path} -> ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('roles without the permission', () => {
  it.each(USER_ROLES)(
    '%s gets 403 on every route its role does not grant',
    async (role) => {
      const failures: string[] = [];
      for (const route of routes) {
        const access = route.access;
        if (
          access?.kind !== 'permission' ||
          roleHasPermission(role, access.permission)
        )
          continue;
        const res = await call(world.clients[role], route, 'A');
        if (
          res.statusCode !== 403 ||
          res.json<ApiErrorBody>().code !== 'FORBIDDEN'
        ) {
          failures.push(`${route.method} ${route.path} -> ${res.statusCode}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});

describe("employer A's users on employer B's objects", () => {
  const employerScoped = () =>
    routes.filter((r) => /^\/api\/employers\/:(id|employerId)\b/.test(r.path));

  it.each(['employer_owner', 'employer_member'] as const)(
    '%s gets 404 on every employer route of B, never the row',
    async (role) => {
      const failures: string[] = [];
      for (const route of employerScoped()) {
        const access = route.access;
        if (
          access?.kind !== 'permission' ||
          !roleHasPermission(role, access.permission)
        )
          continue;
        const res = await call(world.clients[role], route, 'B');
        if (
          res.statusCode !== 404 ||
          res.body.includes(world.b.legalName) ||
          res.body.includes(world.b.ownerId)
        ) {
          failures.push(`${route.method} ${route.path} -> ${res.statusCode}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('the same routes answer their own employer (so the 404s above are about ownership)', async () => {
    const hires = `/api/employers/${world.a.id}`;
    for (const path of [
      `/api/employers/${world.a.id}`,
      `/api/employers/${world.a.id}/users`,
      `/api/employers/${world.a.id}/invitations`,
      `${hires}/workers`,
      `${hires}/workers/${world.a.workerId}`,
      `${hires}/campaigns`,
      `${hires}/campaigns/${world.a.campaignId}`,
      `${hires}/dossiers`,
      `${hires}/dossiers/${world.a.dossierId}`,
      `${hires}/dossiers/export.csv`,
      `${hires}/dossiers/summary`,
      `${hires}/dossiers/${world.a.dossierId}/documents`,
      `${hires}/dossiers/${world.a.dossierId}/documents/checklist`,
      `${hires}/workers/${world.a.workerId}/documents`,
      `${hires}/documents/${world.a.documentId}`,
      `${hires}/documents/${world.a.documentId}/download`,
      `${hires}/documents/${world.a.documentId}/preview`,
      `${hires}/reminder-settings`,
      `${hires}/dossiers/${world.a.dossierId}/reminders`,
    ]) {
      expect((await world.clients.employer_owner.get(path)).statusCode).toBe(
        200,
      );
    }
  });

  it('an unknown employer id answers 404 like a foreign one', async () => {
    const res = await world.clients.employer_owner.get(
      '/api/employers/00000000-0000-4000-8000-000000000000',
    );
    expect(res.statusCode).toBe(404);
  });

  it("B's users list never shows A's users, and A's list never shows B's", async () => {
    const listA = (
      await world.clients.employer_owner.get(
        `/api/employers/${world.a.id}/users`,
      )
    ).json<Array<{ id: string }>>();
    const listB = (
      await world.clientOfB.get(`/api/employers/${world.b.id}/users`)
    ).json<Array<{ id: string }>>();
    expect(listA.map((u) => u.id)).toEqual(
      expect.arrayContaining([world.a.ownerId, world.a.memberId]),
    );
    expect(listA.map((u) => u.id)).not.toContain(world.b.ownerId);
    expect(listB.map((u) => u.id)).not.toContain(world.a.ownerId);
  });

  it('an owner cannot reach a user of B through their own employer id', async () => {
    const res = await world.clients.employer_owner.patch(
      `/api/employers/${world.a.id}/users/${world.b.memberId}`,
      { disabled: true },
    );
    expect(res.statusCode).toBe(404);
  });
  it.each(USER_ROLES)(
    "%s gets 404 on B's workers, campaigns and dossiers named under A's employer id, and B's rows stay unchanged",
    async (role) => {
      const before = await rowCounts(world.b.id);
      const failures: string[] = [];
      const crossRoutes = routes.filter(
        (r) =>
          r.path.startsWith('/api/employers/:employerId/') &&
          (/:(workerId|campaignId|dossierId|documentId)/.test(r.path) ||
            r.path.endsWith('/dossiers/transitions')),
      );
      expect(crossRoutes.length).toBeGreaterThanOrEqual(9);
      for (const route of crossRoutes) {
        const access = route.access;
        if (
          access?.kind === 'permission' &&
          !roleHasPermission(role, access.permission)
        )
          continue; // 403 for everyone, tested above
        const res = await world.clients[role].request(
          route.method as 'GET',
          pathFor(route, 'A', 'B'),
          bodyFor(route, 'B'),
        );
        if (
          res.statusCode !== 404 ||
          res.body.includes(world.b.passportNumber) ||
          res.body.includes('Vendanges')
        )
          failures.push(`${route.method} ${route.path} -> ${res.statusCode}`);
      }
      expect(failures).toEqual([]);
      expect(await rowCounts(world.b.id)).toEqual(before);
    },
  );

  it("A's lists never show B's workers, campaigns or dossiers, whoever asks", async () => {
    for (const client of [
      world.clients.employer_owner,
      world.clients.firm_staff,
    ]) {
      for (const list of ['workers', 'campaigns', 'dossiers']) {
        const res = await client.get(
          `/api/employers/${world.a.id}/${list}?` +
            (list === 'campaigns' ? '' : 'limit=200'),
        );
        expect(res.statusCode).toBe(200);
        for (const id of [
          world.b.workerId,
          world.b.campaignId,
          world.b.dossierId,
        ])
          expect(res.body).not.toContain(id);
      }
      const csv = await client.get(
        `/api/employers/${world.a.id}/dossiers/export.csv`,
      );
      expect(csv.body.split('\r\n')).toHaveLength(3); // header, A's dossier, end
    }
    const asB = await world.clientOfB.get(
      `/api/employers/${world.b.id}/dossiers`,
    );
    expect(asB.body).toContain(world.b.dossierId);
    expect(asB.body).not.toContain(world.a.dossierId);
  });
});

describe('imports (multipart routes)', () => {
  const importRoutes = () =>
    routes.filter((r) =>
      r.path.startsWith('/api/employers/:employerId/imports/'),
    );
  const csv = () => ({
    name: 'matrix.csv',
    content: Buffer.from(
      'Nom,Prénom,Date de naissance,Nationalité,N° passeport,Expiration passeport\n' +
        `Matrix,Test,1990-01-01,MA,${workerInput().passportNumber},2099-01-01\n`,
    ),
  });

  it('covers preview and commit', () => {
    expect(importRoutes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/employers/:employerId/imports/commit',
      'POST /api/employers/:employerId/imports/preview',
    ]);
  });

  it('answers 401 to anonymous callers and 404 to every role of A on B with a valid file, B unchanged', async () => {
    const before = await rowCounts(world.b.id);
    const failures: string[] = [];
    for (const route of importRoutes()) {
      const step = route.path.endsWith('/commit') ? 'commit' : 'preview';
      const anonymous = await postImport(
        new TestClient(app),
        world.b.id,
        step,
        csv(),
      );
      if (anonymous.statusCode !== 401)
        failures.push(`anonymous ${step} -> ${anonymous.statusCode}`);
      for (const role of ['employer_owner', 'employer_member'] as const) {
        const res = await postImport(
          world.clients[role],
          world.b.id,
          step,
          csv(),
        );
        if (res.statusCode !== 404 || res.body.includes(world.b.legalName))
          failures.push(`${role} ${step} on B -> ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(world.b.id)).toEqual(before);
  });

  it("answers A's own users and firm staff on any employer (so the 404s above are about ownership)", async () => {
    for (const [client, employerId] of [
      [world.clients.employer_member, world.a.id],
      [world.clients.firm_staff, world.b.id],
    ] as const) {
      const res = await postImport(client, employerId, 'preview', csv());
      expect(res.statusCode).toBe(200);
    }
  });
});

describe('firm staff', () => {
  it.each(['firm_admin', 'firm_staff'] as const)(
    '%s reaches every employer route its role grants, on any employer',
    async (role) => {
      const failures: string[] = [];
      for (const route of routes.filter(
        (r) => r.method === 'GET' && r.path.startsWith('/api/employers'),
      )) {
        const access = route.access;
        if (
          access?.kind !== 'permission' ||
          !roleHasPermission(role, access.permission)
        )
          continue;
        const res = await call(world.clients[role], route, 'B');
        if (res.statusCode !== 200)
          failures.push(`${route.method} ${route.path} -> ${res.statusCode}`);
      }
      expect(failures).toEqual([]);
      expect(isFirmRole(role)).toBe(true);
    },
  );

  it('lists every employer, including A and B', async () => {
    const page = (
      await world.clients.firm_staff.get('/api/employers?search=Employer')
    ).json<Page<{ id: string }>>();
    expect(page.items.map((e) => e.id)).toEqual(
      expect.arrayContaining([world.a.id, world.b.id]),
    );
  });
});

describe('firm console routes (overview, deadlines, calendar, analytics, notes, calendar feeds)', () => {
  /** A real path for each firm console GET route (the router's own list is checked against it). */
  const firmPaths: Record<string, string> = {
    'GET /api/firm/employers': '/api/firm/employers?deadlineWithinDays=7',
    'GET /api/firm/deadlines': '/api/firm/deadlines',
    'GET /api/firm/calendar':
      '/api/firm/calendar?from=2027-03-01&to=2027-03-31',
    'GET /api/firm/analytics/convocation-delays':
      '/api/firm/analytics/convocation-delays?season=2027',
    'GET /api/firm/analytics/visa-refusals':
      '/api/firm/analytics/visa-refusals',
    'GET /api/firm/analytics/appeal-outcomes':
      '/api/firm/analytics/appeal-outcomes',
    'GET /api/firm/analytics/season-funnel':
      '/api/firm/analytics/season-funnel?departement=47',
    'GET /api/firm/analytics/returning-workers':
      '/api/firm/analytics/returning-workers',
    'GET /api/firm/analytics/:file':
      '/api/firm/analytics/convocation-delays.csv',
  };
  const consoleRoutes = () =>
    routes
      .filter((r) => r.access?.kind === 'permission')
      .filter((r) =>
        ['firm.console', 'firm.notes.write'].includes(
          (r.access as { permission: string }).permission,
        ),
      );

  it('lists every firm console route with a real path here', () => {
    expect(
      consoleRoutes()
        .filter((r) => r.method === 'GET')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(Object.keys(firmPaths).sort());
    expect(consoleRoutes().length).toBe(Object.keys(firmPaths).length + 3);
  });

  it.each(['employer_owner', 'employer_member'] as const)(
    '%s gets 403 on each of them with real paths and ids, and nothing is written',
    async (role) => {
      const before = await rowCounts(world.a.id);
      const failures: string[] = [];
      const client = world.clients[role];
      for (const path of Object.values(firmPaths)) {
        const res = await client.get(path);
        if (res.statusCode !== 403 || res.body.includes(world.b.legalName))
          failures.push(`GET ${path} -> ${res.statusCode}`);
      }
      const notes = `/api/employers/${world.a.id}/notes`;
      for (const res of [
        await client.post(notes, { body: 'x', visibility: 'shared' }),
        await client.patch(`${notes}/00000000-0000-4000-8000-000000000000`, {
          body: 'x',
        }),
        await client.request(
          'DELETE',
          `${notes}/00000000-0000-4000-8000-000000000000`,
        ),
      ])
        if (res.statusCode !== 403) failures.push(`notes -> ${res.statusCode}`);
      expect(failures).toEqual([]);
      expect(await rowCounts(world.a.id)).toEqual(before);
    },
  );

  it.each(['firm_admin', 'firm_staff'] as const)(
    '%s reaches each of them (200)',
    async (role) => {
      const failures: string[] = [];
      for (const path of Object.values(firmPaths)) {
        const res = await world.clients[role].get(path);
        if (res.statusCode !== 200)
          failures.push(`GET ${path} -> ${res.statusCode}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it("notes: A's users never read B's notes, and firm staff cannot reach B's note through A's id", async () => {
    const noteOfB = (
      await world.clients.firm_staff.post(
        `/api/employers/${world.b.id}/notes`,
        {
          body: 'Note partagée de B',
          visibility: 'shared',
          dossierId: world.b.dossierId,
        },
      )
    ).json<{ id: string }>();
    for (const role of ['employer_owner', 'employer_member'] as const) {
      const own = await world.clients[role].get(
        `/api/employers/${world.a.id}/notes`,
      );
      expect(own.statusCode).toBe(200);
      expect(own.body).not.toContain('Note partagée de B');
    }
    const crossed = await world.clients.firm_staff.patch(
      `/api/employers/${world.a.id}/notes/${noteOfB.id}`,
      { body: 'changed' },
    );
    expect(crossed.statusCode).toBe(404);
    const asB = await world.clientOfB.get(`/api/employers/${world.b.id}/notes`);
    expect(asB.body).toContain('Note partagée de B');
  });

  it('the public ICS route answers 404 to anyone without a live token', async () => {
    for (const client of [new TestClient(app), world.clients.employer_owner])
      expect(
        (await client.get(`/api/calendar/${'x'.repeat(43)}.ics`)).statusCode,
      ).toBe(404);
  });
});
