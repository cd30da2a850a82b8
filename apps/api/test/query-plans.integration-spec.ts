import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DossierListItem, Page } from '@moisson/contract';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import {
  nodeTypes,
  PlanNode,
  planOf,
  seqScans,
  Statement,
  statementsOf,
} from './query-plan-checks';
import { createTestApp } from './test-app';

const OTHER_EMPLOYERS = 250;
const PER_EMPLOYER = 150;

let app: NestFastifyApplication;
let employerId: string;
let owner: TestClient;
let dossierId: string;
let workerId: string;
let passportNumber: string;

/**
 * A few thousand workers, dossiers and events spread over many employers (the test employer holds
 * a small share of them, as any employer does in production), then ANALYZE: the planner sees real
 * statistics instead of empty tables, and sequential scans are not switched off.
 */
beforeAll(async () => {
  app = await createTestApp();
  employerId = (await createEmployer('Domaine des Plans')).id;
  owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId }),
  );
  const source = await db();
  const others: Array<{ id: string }> = await source.query(
    `INSERT INTO employer (legal_name, siret, address_line, postal_code, city, departement, sector)
     SELECT 'Ferme plan ' || g, lpad((floor(random() * 1e13))::bigint::text, 14, '9'),
            '1 chemin des Vignes', '47200', 'Marmande', '47', 'viticulture'
     FROM generate_series(1, $1::int) g
     RETURNING id`,
    [OTHER_EMPLOYERS],
  );
  const employerIds = [employerId, ...others.map((e) => e.id)];
  await source.query(
    `INSERT INTO worker (employer_id, surname, given_names, birth_date, nationality, passport_number, passport_expiry)
     SELECT e.id,
            (ARRAY['ALAOUI','BENNANI','CHRAIBI','IDRISSI','TAZI','BERRADA','FASSI','LAHLOU','TRABELSI','GHARBI'])[1 + g % 10] || g,
            (ARRAY['Youssef','Fatima','Hamza','Khadija','Omar','Salma'])[1 + g % 6],
            date '1990-01-01' + g, 'MA', 'QP' || lpad(g::text, 6, '0'), date '2032-01-01'
     FROM unnest($1::uuid[]) e(id) CROSS JOIN generate_series(1, $2::int) g`,
    [employerIds, PER_EMPLOYER],
  );
  await source.query(
    `INSERT INTO dossier (employer_id, worker_id, season, job_title, contract_type, planned_start, planned_end,
                          ofii_office, state, transmitted_on, legal_deadline_kind, legal_deadline_on)
     SELECT w.employer_id, w.id, 2027, 'Ouvrier viticole', 'seasonal',
            date '2027-03-01' + (n % 150), date '2027-10-31',
            (ARRAY['casablanca','rabat','tunis'])[1 + n % 3],
            (ARRAY['DRAFT','AT_SUBMITTED','AWAITING_OFII','OFII_CONVOKED','VISA_REFUSED','ARRIVED','CLOSED'])[1 + n % 7],
            CASE WHEN n % 7 >= 2 THEN current_date - (n % 60) END,
            CASE WHEN n % 7 = 4 THEN 'crrv_appeal' END,
            CASE WHEN n % 7 = 4 THEN current_date + (n % 40) END
     FROM (SELECT w.*, (row_number() OVER ())::int AS n FROM worker w WHERE w.employer_id = ANY($1::uuid[])) w`,
    [employerIds],
  );
  await source.query(
    `INSERT INTO dossier_event (employer_id, dossier_id, kind, from_state, to_state)
     SELECT d.employer_id, d.id, 'transition', NULL, 'DRAFT'
     FROM dossier d CROSS JOIN generate_series(1, 2)
     WHERE d.employer_id = ANY($1::uuid[])`,
    [employerIds],
  );
  await source.query(
    'ANALYZE worker; ANALYZE dossier; ANALYZE dossier_event; ANALYZE campaign',
  );
  const [sample] = await source.query(
    `SELECT d.id, w.id AS worker_id, w.passport_number FROM dossier d JOIN worker w ON w.id = d.worker_id
     WHERE d.employer_id = $1 ORDER BY d.id LIMIT 1`,
    [employerId],
  );
  dossierId = sample.id;
  workerId = sample.worker_id;
  passportNumber = sample.passport_number;
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

/** The list's SELECT of a request (the one statement that reads `dossier`). */
async function listStatementOf(url: string): Promise<Statement> {
  const selects = (await statementsOf(owner, url)).filter(
    (s) => /^\s*SELECT/i.test(s.text) && s.text.includes('"dossier"'),
  );
  expect(selects).toHaveLength(1);
  return selects[0];
}

function sqlLiteral(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * The plan PostgreSQL keeps for a prepared statement once it stops planning per execution: the
 * generic plan, made without the values (so without knowing the employer's size).
 */
async function genericPlanOf(statement: Statement): Promise<PlanNode> {
  const runner = (await db()).createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET plan_cache_mode = force_generic_plan');
    await runner.query(`PREPARE generic_check AS ${statement.text}`);
    const [row] = await runner.query(
      `EXPLAIN (FORMAT JSON) EXECUTE generic_check(${statement.params.map(sqlLiteral).join(', ')})`,
    );
    return (row['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0].Plan;
  } finally {
    await runner.query('DEALLOCATE ALL');
    await runner.query('RESET plan_cache_mode');
    await runner.release();
  }
}

/** EXPLAIN (FORMAT JSON) of every SELECT of the request that reads a watched table. */
async function plansOf(
  url: string,
): Promise<Array<{ sql: string; seqScansOn: string[] }>> {
  const statements = (await statementsOf(owner, url)).filter(
    (s) =>
      /^\s*SELECT/i.test(s.text) &&
      /"(worker|dossier|dossier_event)"/.test(s.text),
  );
  expect(statements.length).toBeGreaterThan(0);
  const plans = [];
  for (const s of statements)
    plans.push({
      sql: s.text.replace(/\s+/g, ' '),
      seqScansOn: seqScans(await planOf(s)),
    });
  return plans;
}

describe('query plans of the dossier list and detail (no sequential scan on worker, dossier, dossier_event)', () => {
  const list = () => `/api/employers/${employerId}/dossiers`;
  it.each([
    ['the default list', ''],
    [
      'a state filter in planned-start order',
      '?state=AWAITING_OFII&sort=plannedStart',
    ],
    ['several states by stage', '?stage=appeals'],
    ['the surname order', '?sort=surname'],
    ['the last-updated order', '?sort=updatedAt'],
    ['overdue convocations', '?overdue=true'],
    ['deadlines within 10 days', '?deadlineWithinDays=10'],
    ['an OFII office', '?ofiiOffice=casablanca'],
    ['a text search on names', '?q=bennani'],
    ['a text search on two words', '?q=alaoui%20youssef'],
  ])('%s', async (_label, query) => {
    const plans = await plansOf(`${list()}${query}`);
    for (const plan of plans) expect(plan).toEqual({ ...plan, seqScansOn: [] });
  });

  it('a text search on the full passport number', async () => {
    const plans = await plansOf(`${list()}?q=${passportNumber}`);
    const page = (await owner.get(`${list()}?q=${passportNumber}`)).json<
      Page<DossierListItem>
    >();
    expect(page.items.map((d) => d.id)).toEqual([dossierId]);
    for (const plan of plans) expect(plan).toEqual({ ...plan, seqScansOn: [] });
  });

  it("one worker's dossiers (workerId)", async () => {
    const plans = await plansOf(`${list()}?workerId=${workerId}`);
    for (const plan of plans) expect(plan).toEqual({ ...plan, seqScansOn: [] });
  });

  it('the dashboard summary', async () => {
    const plans = await plansOf(`${list()}/summary`);
    for (const plan of plans) expect(plan).toEqual({ ...plan, seqScansOn: [] });
  });

  it('the dossier detail with its timeline', async () => {
    const plans = await plansOf(`${list()}/${dossierId}`);
    expect(plans.some((p) => p.sql.includes('"dossier_event"'))).toBe(true);
    for (const plan of plans) expect(plan).toEqual({ ...plan, seqScansOn: [] });
  });
});

describe('prepared list statements (planned once per connection, only where one index gives filter and order)', () => {
  const list = () => `/api/employers/${employerId}/dossiers`;

  it.each([
    ['the default list (planned-start order)', '?limit=5'],
    ['one state in planned-start order', '?limit=5&state=AWAITING_OFII'],
    ['the last-updated order', '?limit=5&sort=updatedAt'],
  ])(
    '%s is prepared, and its generic plan walks an index in order: no sort, no sequential scan',
    async (_label, query) => {
      const first = (await owner.get(`${list()}${query}`)).json<
        Page<DossierListItem>
      >();
      expect(first.nextCursor).not.toBeNull();
      for (const url of [
        `${list()}${query}`,
        `${list()}${query}&cursor=${encodeURIComponent(first.nextCursor as string)}`,
      ]) {
        const statement = await listStatementOf(url);
        expect(statement.name).toMatch(/^dossier_list_[0-9a-f]{20}$/);
        const plan = await genericPlanOf(statement);
        expect({ url, nodes: nodeTypes(plan) }).toEqual({
          url,
          nodes: expect.not.arrayContaining(['Sort', 'Incremental Sort']),
        });
        expect({ url, seqScansOn: seqScans(plan) }).toEqual({
          url,
          seqScansOn: [],
        });
      }
    },
  );

  it.each([
    ['several states', '?stage=appeals'],
    ['one state in last-updated order', '?state=AWAITING_OFII&sort=updatedAt'],
    ['the surname order', '?sort=surname'],
    ['overdue convocations', '?overdue=true'],
    ['deadlines within 10 days', '?deadlineWithinDays=10'],
    ['an OFII office', '?ofiiOffice=casablanca'],
    ['a text search', '?q=bennani'],
  ])(
    '%s is planned on every request (its best plan depends on the employer)',
    async (_label, query) => {
      const statement = await listStatementOf(`${list()}${query}`);
      expect(statement.name).toBeUndefined();
    },
  );
});
