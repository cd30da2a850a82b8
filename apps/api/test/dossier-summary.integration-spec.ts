import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  DossierListItem,
  DossierSummaryResponse,
  Page,
} from '@moisson/contract';
import { DOSSIER_STAGES, DOSSIER_STATES } from '@moisson/domain';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp } from './test-app';

let app: NestFastifyApplication;
let employerId: string;
let otherEmployerId: string;
let owner: TestClient;
let staff: TestClient;

/**
 * Dossiers in every state (written straight in SQL: the counters are kept by triggers on `dossier`,
 * whoever writes), two rounds so that AWAITING_OFII has one dossier sent 45 days ago (overdue) and
 * one 5 days ago; another employer holds as many, which must not count.
 */
async function fill(employer: string, rounds: number): Promise<void> {
  await (
    await db()
  ).query(
    `WITH w AS (
       INSERT INTO worker (employer_id, surname, given_names, birth_date, nationality, passport_number, passport_expiry)
       SELECT $1, 'SOMME' || g, 'Test', date '1990-01-01', 'MA', 'SM' || lpad(g::text, 6, '0'), date '2035-01-01'
       FROM generate_series(1, $3::int * cardinality($2::text[])) g
       RETURNING id, passport_number
     )
     INSERT INTO dossier (employer_id, worker_id, season, job_title, contract_type, planned_start, planned_end, state, transmitted_on)
     SELECT $1, w.id, 2027, 'Ouvrier agricole', 'seasonal', date '2027-04-01', date '2027-09-30',
            ($2::text[])[1 + (n - 1) % cardinality($2::text[])],
            CASE WHEN n <= cardinality($2::text[]) THEN current_date - 45 ELSE current_date - 5 END
     FROM (SELECT id, substr(passport_number, 3)::int AS n FROM w) w`,
    [employer, [...DOSSIER_STATES], rounds],
  );
}

beforeAll(async () => {
  app = await createTestApp();
  employerId = (await createEmployer()).id;
  otherEmployerId = (await createEmployer()).id;
  owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId }),
  );
  staff = await signedInClient(app, await createUser({ role: 'firm_staff' }));
  await fill(employerId, 2);
  await fill(otherEmployerId, 3);
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

/** How many dossiers the list gives for `query`, page after page. */
async function listed(query: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const res = await owner.get(
      `/api/employers/${employerId}/dossiers?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    const page = res.json<Page<DossierListItem>>();
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

describe('the dashboard summary', () => {
  it('counts exactly what the list filters find, for each stage, overdue convocations and convoked', async () => {
    const res = await owner.get(
      `/api/employers/${employerId}/dossiers/summary`,
    );
    expect(res.statusCode).toBe(200);
    const summary = res.json<DossierSummaryResponse>();
    const expected: DossierSummaryResponse = {
      stages: Object.fromEntries(
        await Promise.all(
          DOSSIER_STAGES.map(async (stage) => [
            stage,
            await listed(`stage=${stage}`),
          ]),
        ),
      ) as DossierSummaryResponse['stages'],
      overdue: await listed('overdue=true'),
      convoked: await listed('state=OFII_CONVOKED'),
    };
    expect(summary).toEqual(expected);
    // Every dossier counted once, none of the other employer's.
    expect(Object.values(summary.stages).reduce((a, b) => a + b, 0)).toBe(
      2 * DOSSIER_STATES.length,
    );
    expect(summary.overdue).toBe(1);
    expect(summary.convoked).toBe(2);
  });

  it('follows a change of state at once', async () => {
    const before = (
      await owner.get(`/api/employers/${employerId}/dossiers/summary`)
    ).json<DossierSummaryResponse>();
    await (
      await db()
    ).query(
      `UPDATE dossier SET state = 'OFII_CONVOKED'
       WHERE id = (SELECT id FROM dossier WHERE employer_id = $1 AND state = 'AWAITING_OFII' ORDER BY transmitted_on LIMIT 1)`,
      [employerId],
    );
    const after = (
      await owner.get(`/api/employers/${employerId}/dossiers/summary`)
    ).json<DossierSummaryResponse>();
    expect(after).toEqual({
      ...before,
      stages: before.stages,
      overdue: before.overdue - 1,
      convoked: before.convoked + 1,
    });
  });

  it("answers 404 for another employer's summary, and zeros for an employer with no dossier", async () => {
    expect(
      (await owner.get(`/api/employers/${otherEmployerId}/dossiers/summary`))
        .statusCode,
    ).toBe(404);
    const empty = await createEmployer();
    const res = await staff.get(`/api/employers/${empty.id}/dossiers/summary`);
    expect(res.statusCode).toBe(200);
    expect(res.json<DossierSummaryResponse>()).toEqual({
      stages: Object.fromEntries(DOSSIER_STAGES.map((s) => [s, 0])),
      overdue: 0,
      convoked: 0,
    });
    expect(
      (
        await staff.get(
          '/api/employers/00000000-0000-4000-8000-000000000000/dossiers/summary',
        )
      ).statusCode,
    ).toBe(404);
  });
});
