import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  closeDb,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
} from './fixtures';
import { createDossier, day, move } from './dossier-fixtures';
import { statementsOf } from './query-plan-checks';
import { createTestApp } from './test-app';

/**
 * The SQL statements of the pages read most (issue 4's budget: at most 3 per request, the session
 * look-up included). `cold`: GETs read the session every time (SESSION_CACHE_SECONDS=0, the worst
 * case); `warm`: a GET reuses the session an earlier GET read.
 */
let cold: NestFastifyApplication;
let warm: NestFastifyApplication;
let employerId: string;
let dossierId: string;
let owner: { cold: TestClient; warm: TestClient };
let staff: { cold: TestClient; warm: TestClient };

beforeAll(async () => {
  cold = await createTestApp({ SESSION_CACHE_SECONDS: '0' });
  warm = await createTestApp({ SESSION_CACHE_SECONDS: '30' });
  employerId = (await createEmployer()).id;
  const ownerUser = await createUser({ role: 'employer_owner', employerId });
  const staffUser = await createUser({ role: 'firm_staff' });
  owner = {
    cold: await signedInClient(cold, ownerUser),
    warm: await signedInClient(warm, ownerUser),
  };
  staff = {
    cold: await signedInClient(cold, staffUser),
    warm: await signedInClient(warm, staffUser),
  };
  const dossier = await createDossier(owner.cold, employerId);
  dossierId = dossier.id;
  const submitted = await move(
    owner.cold,
    employerId,
    dossierId,
    'AT_SUBMITTED',
    {
      submissionDate: day(-1),
    },
  );
  expect(submitted.statusCode).toBe(201);
});

afterAll(async () => {
  await cold.close();
  await warm.close();
  await closeDb();
});

/** The statements `pg` sent while the request ran (their beginning, for the failure message). */
async function statementTexts(
  client: TestClient,
  url: string,
): Promise<string[]> {
  return (
    (await statementsOf(client, url))
      .map((s) => s.text.replace(/\s+/g, ' ').trim().slice(0, 60))
      // The session's last_seen_at is written at most every 30 s (SessionService), not per request:
      // left out so that a slow machine does not change the count.
      .filter((text) => !/^UPDATE "user_session" SET "last_seen_at"/.test(text))
  );
}

const pages = () => ({
  employer: `/api/employers/${employerId}`,
  list: `/api/employers/${employerId}/dossiers?state=AT_SUBMITTED&sort=plannedStart`,
  dashboard: `/api/employers/${employerId}/dossiers?overdue=true&limit=10`,
  search: `/api/employers/${employerId}/dossiers?q=ben`,
  summary: `/api/employers/${employerId}/dossiers/summary`,
  detail: `/api/employers/${employerId}/dossiers/${dossierId}`,
});

describe('SQL statements per request', () => {
  it.each([
    // page, employer user (session read / reused), firm staff (session read / reused)
    ['employer', 2, 1, 3, 2],
    ['list', 2, 1, 3, 2],
    ['dashboard', 2, 1, 3, 2],
    ['search', 2, 1, 3, 2],
    ['summary', 2, 1, 3, 2],
    // dossier (with its timeline) in one SELECT, then the audited passport read (INSERT)
    ['detail', 3, 2, 4, 3],
  ] as const)(
    '%s: %i for an employer user (%i reusing the session), %i for firm staff (%i)',
    async (page, ownerCold, ownerWarm, staffCold, staffWarm) => {
      const url = pages()[page];
      expect(await statementTexts(owner.cold, url)).toHaveLength(ownerCold);
      await statementTexts(owner.warm, url); // reads the session
      expect(await statementTexts(owner.warm, url)).toHaveLength(ownerWarm);
      expect(await statementTexts(staff.cold, url)).toHaveLength(staffCold);
      await statementTexts(staff.warm, url);
      expect(await statementTexts(staff.warm, url)).toHaveLength(staffWarm);
    },
  );
});
