import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  closeDb,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import { planOf, seqScans, statementsOf } from './query-plan-checks';
import { createTestApp } from './test-app';

/**
 * Query plans of the firm console's overview, deadlines list and calendar: none may read the
 * dossier, worker or timeline tables whole (they hold a million rows in production). A few hundred
 * employers with dozens of dossiers each are inserted with generate_series, counters rebuilt,
 * then ANALYZE, so the planner sees real statistics; sequential scans are not switched off. Most
 * dates lie in the past, as in production, where old seasons pile up (and so that the firm-wide
 * feeds and calendars of other test files stay far below their caps).
 * (The analytics are aggregates over the filtered dossiers and are not in this list.)
 */
const EMPLOYERS = 400;
const PER_EMPLOYER = 40;

let app: NestFastifyApplication;
let staff: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  const user = await createUser({ role: 'firm_staff' });
  staff = await signedInClient(app, user);
  const source = await db();
  const employers: Array<{ id: string }> = await source.query(
    `INSERT INTO employer (legal_name, siret, address_line, postal_code, city, departement, sector, ofii_office, assigned_staff_id)
     SELECT 'Plan console ' || g, lpad((floor(random() * 1e13))::bigint::text, 14, '8'),
            '1 chemin des Vignes', '47200', 'Marmande',
            (ARRAY['47','13','84','33'])[1 + g % 4], 'viticulture',
            (ARRAY['casablanca','tunis'])[1 + g % 2],
            CASE WHEN g % 10 = 0 THEN $2::uuid END
     FROM generate_series(1, $1::int) g RETURNING id`,
    [EMPLOYERS, user.id],
  );
  const ids = employers.map((e) => e.id);
  await source.query(
    `INSERT INTO worker (employer_id, surname, given_names, birth_date, nationality, passport_number, passport_expiry)
     SELECT e.id, 'PLAN' || g, 'Test', date '1990-01-01', 'MA', 'PL' || lpad(g::text, 7, '0'), date '2032-01-01'
     FROM unnest($1::uuid[]) e(id) CROSS JOIN generate_series(1, $2::int) g`,
    [ids, PER_EMPLOYER],
  );
  await source.query(
    `INSERT INTO dossier (employer_id, worker_id, season, job_title, contract_type, planned_start, planned_end,
                          ofii_office, state, transmitted_on, legal_deadline_kind, legal_deadline_on, recorded)
     SELECT w.employer_id, w.id, 2027, 'Ouvrier', 'seasonal', date '2027-03-01', date '2027-08-31', 'casablanca',
            (ARRAY['DRAFT','AT_SUBMITTED','AWAITING_OFII','OFII_CONVOKED','VISA_REFUSED','CRRV_REJECTED','VISA_FILED','ARRIVED','CLOSED','RETURNED'])[1 + n % 10],
            CASE WHEN n % 10 = 2 THEN current_date - (n % 90) END,
            CASE n % 10 WHEN 4 THEN 'crrv_appeal' WHEN 5 THEN 'court_appeal' WHEN 6 THEN 'implicit_visa_refusal' WHEN 7 THEN 'card_application' END,
            CASE WHEN n % 10 IN (4, 5, 6, 7) THEN current_date + (n % 240) - 200 END,
            CASE WHEN n % 10 = 3 THEN jsonb_build_object('OFII_CONVOKED', jsonb_build_object(
              'convocationDate', to_char(current_date - 5, 'YYYY-MM-DD'),
              'appointmentDate', to_char(current_date + (n % 120) - 100, 'YYYY-MM-DD'),
              'appointmentPlace', 'OFII')) ELSE '{}'::jsonb END
     FROM (SELECT w.*, (row_number() OVER ())::int AS n FROM worker w WHERE w.employer_id = ANY($1::uuid[])) w`,
    [ids],
  );
  await source.query(
    'ANALYZE employer; ANALYZE employer_dossier_stats; ANALYZE worker; ANALYZE dossier',
  );
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

describe('query plans of the firm console (no sequential scan on dossier, worker, dossier_event)', () => {
  it.each([
    ['the overview, by name', '/api/firm/employers'],
    [
      'the overview, longest wait first',
      '/api/firm/employers?sort=longestWait',
    ],
    [
      'the overview, nearest appeal deadline first',
      '/api/firm/employers?sort=appealDeadline',
    ],
    [
      'the overview, most active first',
      '/api/firm/employers?sort=activeDossiers',
    ],
    [
      'the overview, last activity first',
      '/api/firm/employers?sort=lastActivity',
    ],
    [
      'the overview, deadline within 7 days',
      '/api/firm/employers?deadlineWithinDays=7',
    ],
    [
      'the overview, mine and overdue',
      '/api/firm/employers?assignedToMe=true&overdue=true',
    ],
    [
      'the overview, département and office',
      '/api/firm/employers?departement=47&ofiiOffice=casablanca',
    ],
    ['the deadlines list', '/api/firm/deadlines'],
    [
      'the deadlines list, appointments of one kind',
      '/api/firm/deadlines?kind=ofii_appointment',
    ],
    [
      'a month of the calendar',
      '/api/firm/calendar?from=2027-03-01&to=2027-03-31',
    ],
  ])('%s', async (_label, url) => {
    const statements = (await statementsOf(staff, url)).filter(
      (s) => /^\s*(WITH|SELECT)/i.test(s.text) && /\bdossier\b/.test(s.text),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const plan = await planOf(s);
      expect({
        sql: s.text.replace(/\s+/g, ' '),
        seqScansOn: seqScans(plan),
      }).toEqual({
        sql: s.text.replace(/\s+/g, ' '),
        seqScansOn: [],
      });
    }
  });
});
