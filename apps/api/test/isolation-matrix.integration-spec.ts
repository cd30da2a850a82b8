import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiErrorBody, Page } from '@moisson/contract';
import {
  isFirmRole,
  roleHasPermission,
  USER_ROLES,
  UserRole,
} from '@moisson/contract';
import {
  closeDb,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
  uniqueEmail,
} from './fixtures';
import { describeAccess, listRoutes, RouteInfo } from './routes';
import { createTestApp } from './test-app';

/**
 * Who may call what, for every route the Nest router knows. A new route without a declared
 * permission, or one that leaks another employer's rows, fails here by itself.
 */
let app: NestFastifyApplication;
let routes: RouteInfo[];

/** Employer A (the caller's) and employer B (someone else's), each with users. */
const world = {} as {
  a: { id: string; ownerId: string; memberId: string };
  b: { id: string; ownerId: string; memberId: string; legalName: string };
  staffUserId: string;
  clients: Record<UserRole, TestClient>;
  clientOfB: TestClient;
};

beforeAll(async () => {
  app = await createTestApp();
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
  world.a = { id: a.id, ownerId: ownerA.id, memberId: memberA.id };
  world.b = {
    id: b.id,
    ownerId: ownerB.id,
    memberId: memberB.id,
    legalName: b.legalName,
  };
  world.staffUserId = staff.id;
  world.clients = {
    firm_admin: await signedInClient(app, admin),
    firm_staff: await signedInClient(app, staff),
    employer_owner: await signedInClient(app, ownerA),
    employer_member: await signedInClient(app, memberA),
  };
  world.clientOfB = await signedInClient(app, ownerB);
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

/** Path parameters pointing at employer B's objects (or at firm objects for firm routes). */
function pathFor(route: RouteInfo, target: 'B' | 'A'): string {
  const employer = target === 'B' ? world.b : world.a;
  return route.path
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
function bodyFor(route: RouteInfo): unknown {
  if (route.method === 'GET') return undefined;
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
    bodyFor(route),
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
    routes.filter((r) => r.path.startsWith('/api/employers/:id'));

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
    for (const path of [
      `/api/employers/${world.a.id}`,
      `/api/employers/${world.a.id}/users`,
      `/api/employers/${world.a.id}/invitations`,
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
