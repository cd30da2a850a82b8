import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  DossierDetail,
  DossierListItem,
  DossierSummaryResponse,
  EmployerOverviewPage,
  Page,
} from '@moisson/contract';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp } from './test-app';

/**
 * "Convocation overdue" is one threshold per employer: its reminder setting "first follow-up after
 * N days" (domain reference, section 5: 30 days, employer setting), the same for the reminders, the
 * dossier list's flag and filter, the dashboard count and the firm's employers overview.
 *
 * Three employers, each with a dossier sent to OFII 35 days ago and one 50 days ago: "Réglé 45"
 * set 45 days through the settings route, "Défaut" kept the default (30), "Réglé 60" set 60 days.
 * The margins (5 days and more either side of each threshold) keep the outcome whatever the hour.
 */
let app: NestFastifyApplication;
let staff: TestClient;
const tag = `Ovd${randomBytes(3).toString('hex')}`;

interface Employer {
  id: string;
  owner: TestClient;
  waited35: string;
  waited50: string;
}
const employers: Record<'set45' | 'default30' | 'set60', Employer> =
  {} as never;

async function employerWithTwoWaits(
  name: string,
  overdueDays?: number,
): Promise<Employer> {
  const { id } = await createEmployer(`${tag} ${name}`);
  const owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId: id }),
  );
  if (overdueDays !== undefined) {
    const res = await owner.request(
      'PUT',
      `/api/employers/${id}/reminder-settings`,
      { convocationOverdueDays: overdueDays },
    );
    expect(res.statusCode).toBe(200);
  }
  const rows: Array<{ id: string; waited: number }> = await (
    await db()
  ).query(
    `WITH w AS (
       INSERT INTO worker (employer_id, surname, given_names, birth_date, nationality, passport_number, passport_expiry)
       SELECT $1, 'ATTENTE' || g, 'Test', date '1990-01-01', 'MA', 'OV' || $2 || g, date '2035-01-01'
       FROM unnest(ARRAY[35, 50]) g RETURNING id, substr(surname, 8)::int AS waited
     )
     INSERT INTO dossier (employer_id, worker_id, season, job_title, contract_type, planned_start, planned_end,
                          ofii_office, state, transmitted_on, recorded)
     SELECT $1, w.id, 2027, 'Ouvrier agricole', 'seasonal', date '2027-04-01', date '2027-09-30',
            'casablanca', 'AWAITING_OFII', current_date - w.waited,
            jsonb_build_object('AWAITING_OFII',
              jsonb_build_object('transmissionDate', to_char(current_date - w.waited, 'YYYY-MM-DD')))
     FROM w
     RETURNING id, (current_date - transmitted_on) AS waited`,
    [id, randomBytes(3).toString('hex').toUpperCase()],
  );
  const byWait = (days: number) =>
    rows.find((r) => Number(r.waited) === days)?.id as string;
  return { id, owner, waited35: byWait(35), waited50: byWait(50) };
}

beforeAll(async () => {
  app = await createTestApp();
  staff = await signedInClient(app, await createUser({ role: 'firm_staff' }));
  employers.set45 = await employerWithTwoWaits('Réglé 45', 45);
  employers.default30 = await employerWithTwoWaits('Défaut');
  employers.set60 = await employerWithTwoWaits('Réglé 60', 60);
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

async function list(e: Employer, query: string): Promise<DossierListItem[]> {
  const res = await e.owner.get(`/api/employers/${e.id}/dossiers?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Page<DossierListItem>>().items;
}

function flags(items: DossierListItem[]): Record<string, boolean> {
  return Object.fromEntries(items.map((d) => [d.id, d.convocationOverdue]));
}

describe("the employer's 'convocation overdue after' setting", () => {
  it.each([
    ['set45', 45, { waited35: false, waited50: true }],
    ['default30', 30, { waited35: true, waited50: true }],
    ['set60', 60, { waited35: false, waited50: false }],
  ] as const)(
    '%s (%i days): the list flag, overdue=true and overdue=false, the dashboard count and the detail agree',
    async (key, _days, expected) => {
      const e = employers[key];
      const overdueIds = (['waited35', 'waited50'] as const)
        .filter((w) => expected[w])
        .map((w) => e[w]);
      const notOverdueIds = (['waited35', 'waited50'] as const)
        .filter((w) => !expected[w])
        .map((w) => e[w]);

      expect(flags(await list(e, 'state=AWAITING_OFII'))).toEqual({
        [e.waited35]: expected.waited35,
        [e.waited50]: expected.waited50,
      });
      expect((await list(e, 'overdue=true')).map((d) => d.id).sort()).toEqual(
        [...overdueIds].sort(),
      );
      expect(
        (await list(e, 'overdue=false&state=AWAITING_OFII'))
          .map((d) => d.id)
          .sort(),
      ).toEqual([...notOverdueIds].sort());

      const summary = (
        await e.owner.get(`/api/employers/${e.id}/dossiers/summary`)
      ).json<DossierSummaryResponse>();
      expect(summary.overdue).toBe(overdueIds.length);

      const detail = (
        await e.owner.get(`/api/employers/${e.id}/dossiers/${e.waited35}`)
      ).json<DossierDetail>();
      expect(detail.convocationOverdue).toBe(expected.waited35);
    },
  );

  it("the firm's overview shows each employer's threshold, counts and filters by it", async () => {
    const res = await staff.get(`/api/firm/employers?q=${tag}&limit=10`);
    expect(res.statusCode).toBe(200);
    const rows = res.json<EmployerOverviewPage>().items;
    const convocationsOf = (e: Employer) =>
      rows.find((r) => r.employer.id === e.id)?.convocations;
    expect(convocationsOf(employers.set45)).toEqual({
      awaiting: 2,
      overdue: 1,
      thresholdDays: 45,
      longestWaitDays: expect.any(Number),
    });
    expect(convocationsOf(employers.default30)).toMatchObject({
      overdue: 2,
      thresholdDays: 30,
    });
    expect(convocationsOf(employers.set60)).toMatchObject({
      overdue: 0,
      thresholdDays: 60,
    });

    const filtered = async (overdue: boolean) =>
      (
        await staff.get(
          `/api/firm/employers?q=${tag}&overdue=${overdue}&limit=10`,
        )
      )
        .json<EmployerOverviewPage>()
        .items.map((r) => r.employer.id)
        .sort();
    expect(await filtered(true)).toEqual(
      [employers.set45.id, employers.default30.id].sort(),
    );
    expect(await filtered(false)).toEqual([employers.set60.id]);
  });

  it('changing the setting moves the dossiers at once', async () => {
    const e = employers.set60;
    const res = await e.owner.request(
      'PUT',
      `/api/employers/${e.id}/reminder-settings`,
      { convocationOverdueDays: 50 },
    );
    expect(res.statusCode).toBe(200);
    expect(flags(await list(e, 'state=AWAITING_OFII'))).toEqual({
      [e.waited35]: false,
      [e.waited50]: true,
    });
    const summary = (
      await e.owner.get(`/api/employers/${e.id}/dossiers/summary`)
    ).json<DossierSummaryResponse>();
    expect(summary.overdue).toBe(1);
  });
});
