import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AppealOutcomeResponse,
  ConvocationDelayResponse,
  ReturningWorkersResponse,
  SeasonFunnelResponse,
  VisaRefusalResponse,
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
 * Every analytics figure against a fixture whose numbers are worked out by hand below. The fixture
 * is written straight into the tables (dossiers with their recorded dates, and their timelines),
 * under two employers of Haute-Corse (2B), a département no other test uses; every request filters
 * on it (or on one of the employers), so other tests' rows never count.
 *
 * E1 (2B, OFII Casablanca, consulate Casablanca), E2 (2B, OFII Tunis, consulate Tunis), E3 (2A).
 *
 *  dossier  emp season permit granted  convoked     timeline after VISA_FILED                          now
 *  d1       E1  2025   2025-01-10      2025-03-01   VISA_ISSUED, ARRIVED                               ARRIVED
 *  d2       E1  2025   2025-01-20      2025-03-10   VISA_REFUSED [incomplete, diverting], CRRV_FILED,  TA_ANNULLED
 *                                                   CRRV_REJECTED, TA_FILED, TA_ANNULLED
 *  d3       E1  2025   2025-02-01      2025-03-31   VISA_REFUSED [diverting], VISA_FILED (re-applied), PERMIT_APPLIED
 *                                                   VISA_ISSUED, ARRIVED, PERMIT_APPLIED
 *  d4       E1  2025   2025-02-15      2025-03-20   VISA_REFUSED_VERBAL (no ground), CRRV_FILED        CRRV_FILED
 *  d5       E2  2025   2025-03-01      2025-04-10   VISA_REFUSED_IMPLICIT, CRRV_FILED, VISA_ISSUED     VISA_ISSUED
 *  d6       E2  2025   2025-03-05      2025-04-20   VISA_REFUSED [resources], CRRV_FILED,              TA_REJECTED
 *                                                   CRRV_REJECTED_IMPLICIT, TA_FILED, TA_REJECTED
 *  d7       E1  2025   -               -            (created only)                                     DRAFT
 *  d8       E1  2026   d1's worker again                                                               DRAFT
 *  d9       E1  2026   d4's worker again (never arrived in 2025)                                       DRAFT
 *  d10      E3  2025   2025-01-01      2025-03-15   (2A: must never count under departement=2B)         OFII_CONVOKED
 *
 * d1..d6 go DRAFT, AT_SUBMITTED, AT_GRANTED, AWAITING_OFII, OFII_CONVOKED, MEDICAL_FIT, VISA_FILED first.
 */
let app: NestFastifyApplication;
let staff: TestClient;
const e = {} as { e1: string; e2: string; e3: string };

type Step = [from: string | null, to: string, data?: Record<string, unknown>];
const PREFIX: Step[] = [
  [null, 'DRAFT'],
  ['DRAFT', 'AT_SUBMITTED'],
  ['AT_SUBMITTED', 'AT_GRANTED'],
  ['AT_GRANTED', 'AWAITING_OFII'],
  ['AWAITING_OFII', 'OFII_CONVOKED'],
  ['OFII_CONVOKED', 'MEDICAL_FIT'],
  ['MEDICAL_FIT', 'VISA_FILED'],
];

async function insertWorker(employerId: string, name: string): Promise<string> {
  const [row] = await (
    await db()
  ).query(
    `INSERT INTO worker (employer_id, surname, given_names, birth_date, nationality, passport_number, passport_expiry)
     VALUES ($1, $2, 'Test', '1990-05-05', 'MA', $3, '2032-01-01') RETURNING id`,
    [employerId, name, `AN${Math.floor(Math.random() * 1e7)}`.padEnd(9, '0')],
  );
  return row.id;
}

async function insertDossier(options: {
  employerId: string;
  workerId: string;
  season: number;
  office: string | null;
  consulate: string | null;
  state: string;
  granted?: string;
  convoked?: string;
  steps: Step[];
}): Promise<string> {
  const source = await db();
  // As writeTransition does: every state entered has its key (its latest data) in `recorded`.
  const recorded: Record<string, unknown> = Object.fromEntries(
    options.steps
      .filter(([, to]) => to !== 'DRAFT')
      .map(([, to, data]) => [to, data ?? {}]),
  );
  if (options.granted)
    recorded['AT_GRANTED'] = {
      permitNumber: 'AT-2B-1',
      grantDate: options.granted,
    };
  if (options.convoked)
    recorded['OFII_CONVOKED'] = {
      convocationDate: options.convoked,
      appointmentDate: options.convoked,
      appointmentPlace: 'OFII',
    };
  const [row] = await source.query(
    `INSERT INTO dossier (employer_id, worker_id, season, job_title, contract_type, planned_start, planned_end,
       ofii_office, consulate, state, recorded, permit_granted_on)
     VALUES ($1, $2, $3, 'Ouvrier agricole', 'seasonal', make_date($3, 5, 1), make_date($3, 9, 30),
       $4, $5, $6, $7, $8) RETURNING id`,
    [
      options.employerId,
      options.workerId,
      options.season,
      options.office,
      options.consulate,
      options.state,
      recorded,
      options.granted ?? null,
    ],
  );
  let at = Date.UTC(options.season - 1, 9, 1);
  for (const [from, to, data] of options.steps) {
    at += 86_400_000;
    await source.query(
      `INSERT INTO dossier_event (employer_id, dossier_id, at, kind, from_state, to_state, data)
       VALUES ($1, $2, $3, 'transition', $4, $5, $6)`,
      [options.employerId, row.id, new Date(at), from, to, data ?? {}],
    );
  }
  return row.id;
}

beforeAll(async () => {
  app = await createTestApp();
  staff = await signedInClient(app, await createUser({ role: 'firm_staff' }));
  e.e1 = (await createEmployer('Analytique Corse 1')).id;
  e.e2 = (await createEmployer('Analytique Corse 2')).id;
  e.e3 = (await createEmployer('Analytique Corse-du-Sud')).id;
  const source = await db();
  await source.query(
    `UPDATE employer SET departement = '2B', ofii_office = 'casablanca', consulate = 'casablanca' WHERE id = $1`,
    [e.e1],
  );
  await source.query(
    `UPDATE employer SET departement = '2B', ofii_office = 'tunis', consulate = 'tunis' WHERE id = $1`,
    [e.e2],
  );
  await source.query(`UPDATE employer SET departement = '2A' WHERE id = $1`, [
    e.e3,
  ]);

  const e1 = {
    employerId: e.e1,
    office: 'casablanca',
    consulate: 'casablanca',
  };
  const e2 = { employerId: e.e2, office: 'tunis', consulate: 'tunis' };
  const w = {
    d1: await insertWorker(e.e1, 'UN'),
    d2: await insertWorker(e.e1, 'DEUX'),
    d3: await insertWorker(e.e1, 'TROIS'),
    d4: await insertWorker(e.e1, 'QUATRE'),
    d5: await insertWorker(e.e2, 'CINQ'),
    d6: await insertWorker(e.e2, 'SIX'),
    d7: await insertWorker(e.e1, 'SEPT'),
    d10: await insertWorker(e.e3, 'DIX'),
  };
  await insertDossier({
    ...e1,
    workerId: w.d1,
    season: 2025,
    state: 'ARRIVED',
    granted: '2025-01-10',
    convoked: '2025-03-01',
    steps: [
      ...PREFIX,
      ['VISA_FILED', 'VISA_ISSUED'],
      ['VISA_ISSUED', 'ARRIVED'],
    ],
  });
  await insertDossier({
    ...e1,
    workerId: w.d2,
    season: 2025,
    state: 'TA_ANNULLED',
    granted: '2025-01-20',
    convoked: '2025-03-10',
    steps: [
      ...PREFIX,
      [
        'VISA_FILED',
        'VISA_REFUSED',
        {
          grounds: [
            'information_incomplete_or_unreliable',
            'risk_of_diverting_visa_purpose',
          ],
        },
      ],
      ['VISA_REFUSED', 'CRRV_FILED'],
      ['CRRV_FILED', 'CRRV_REJECTED'],
      ['CRRV_REJECTED', 'TA_FILED'],
      ['TA_FILED', 'TA_ANNULLED'],
    ],
  });
  await insertDossier({
    ...e1,
    workerId: w.d3,
    season: 2025,
    state: 'PERMIT_APPLIED',
    granted: '2025-02-01',
    convoked: '2025-03-31',
    steps: [
      ...PREFIX,
      [
        'VISA_FILED',
        'VISA_REFUSED',
        { grounds: ['risk_of_diverting_visa_purpose'] },
      ],
      ['VISA_REFUSED', 'VISA_FILED'],
      ['VISA_FILED', 'VISA_ISSUED'],
      ['VISA_ISSUED', 'ARRIVED'],
      ['ARRIVED', 'PERMIT_APPLIED'],
    ],
  });
  await insertDossier({
    ...e1,
    workerId: w.d4,
    season: 2025,
    state: 'CRRV_FILED',
    granted: '2025-02-15',
    convoked: '2025-03-20',
    steps: [
      ...PREFIX,
      ['VISA_FILED', 'VISA_REFUSED_VERBAL', { grounds: [] }],
      ['VISA_REFUSED_VERBAL', 'CRRV_FILED'],
    ],
  });
  await insertDossier({
    ...e2,
    workerId: w.d5,
    season: 2025,
    state: 'VISA_ISSUED',
    granted: '2025-03-01',
    convoked: '2025-04-10',
    steps: [
      ...PREFIX,
      ['VISA_FILED', 'VISA_REFUSED_IMPLICIT'],
      ['VISA_REFUSED_IMPLICIT', 'CRRV_FILED'],
      ['CRRV_FILED', 'VISA_ISSUED'],
    ],
  });
  await insertDossier({
    ...e2,
    workerId: w.d6,
    season: 2025,
    state: 'TA_REJECTED',
    granted: '2025-03-05',
    convoked: '2025-04-20',
    steps: [
      ...PREFIX,
      ['VISA_FILED', 'VISA_REFUSED', { grounds: ['insufficient_resources'] }],
      ['VISA_REFUSED', 'CRRV_FILED'],
      ['CRRV_FILED', 'CRRV_REJECTED_IMPLICIT'],
      ['CRRV_REJECTED_IMPLICIT', 'TA_FILED'],
      ['TA_FILED', 'TA_REJECTED'],
    ],
  });
  await insertDossier({
    ...e1,
    workerId: w.d7,
    season: 2025,
    state: 'DRAFT',
    steps: [[null, 'DRAFT']],
  });
  await insertDossier({
    ...e1,
    workerId: w.d1,
    season: 2026,
    state: 'DRAFT',
    steps: [[null, 'DRAFT']],
  });
  await insertDossier({
    ...e1,
    workerId: w.d4,
    season: 2026,
    state: 'DRAFT',
    steps: [[null, 'DRAFT']],
  });
  await insertDossier({
    employerId: e.e3,
    office: 'casablanca',
    consulate: 'casablanca',
    workerId: w.d10,
    season: 2025,
    state: 'OFII_CONVOKED',
    granted: '2025-01-01',
    convoked: '2025-03-15',
    steps: [...PREFIX.slice(0, 5)],
  });
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

async function get<T>(path: string): Promise<T> {
  const res = await staff.get(path);
  expect(res.statusCode).toBe(200);
  return res.json<T>();
}

describe('convocation delays (days from work permit to OFII convocation)', () => {
  it('gives median, quartiles, min and max per office and month', async () => {
    const res = await get<ConvocationDelayResponse>(
      '/api/firm/analytics/convocation-delays?departement=2B',
    );
    // Casablanca, March 2025:
    //   d1 2025-01-10 -> 03-01: 21 (rest of Jan) + 28 (Feb) + 1 = 50
    //   d2 2025-01-20 -> 03-10: 11 + 28 + 10 = 49
    //   d3 2025-02-01 -> 03-31: 27 (Feb 1 -> 28) + 1 + 30 = 58
    //   d4 2025-02-15 -> 03-20: 13 + 1 + 19 = 33
    //   sorted 33, 49, 50, 58; median = (49 + 50) / 2 = 49.5
    //   p25: position 0.25 x 3 = 0.75 -> 33 + 0.75 x (49 - 33) = 45
    //   p75: position 2.25 -> 50 + 0.25 x (58 - 50) = 52
    // Tunis, April 2025:
    //   d5 2025-03-01 -> 04-10: 31 + 9 = 40;  d6 2025-03-05 -> 04-20: 27 + 19 = 46
    //   median 43; p25 40 + 0.25 x 6 = 41.5; p75 40 + 0.75 x 6 = 44.5
    // d10 (2A, 73 days) is left out by the département.
    expect(res.rows).toEqual([
      {
        ofiiOffice: 'casablanca',
        month: '2025-03',
        dossiers: 4,
        medianDays: 49.5,
        p25Days: 45,
        p75Days: 52,
        minDays: 33,
        maxDays: 58,
      },
      {
        ofiiOffice: 'tunis',
        month: '2025-04',
        dossiers: 2,
        medianDays: 43,
        p25Days: 41.5,
        p75Days: 44.5,
        minDays: 40,
        maxDays: 46,
      },
    ]);
    expect(res.filters).toEqual({ departement: '2B' });
  });

  it('filters by employer, office and season', async () => {
    const e1 = await get<ConvocationDelayResponse>(
      `/api/firm/analytics/convocation-delays?employerId=${e.e1}`,
    );
    expect(
      e1.rows.map((r) => [r.ofiiOffice, r.dossiers, r.medianDays]),
    ).toEqual([['casablanca', 4, 49.5]]);
    const tunis = await get<ConvocationDelayResponse>(
      '/api/firm/analytics/convocation-delays?departement=2B&ofiiOffice=Tunis',
    );
    expect(tunis.rows.map((r) => r.ofiiOffice)).toEqual(['tunis']);
    // d10 alone under 2A: one value, 2025-01-01 -> 03-15 = 30 + 28 + 15 = 73.
    const corseDuSud = await get<ConvocationDelayResponse>(
      '/api/firm/analytics/convocation-delays?departement=2A',
    );
    expect(corseDuSud.rows).toEqual([
      {
        ofiiOffice: 'casablanca',
        month: '2025-03',
        dossiers: 1,
        medianDays: 73,
        p25Days: 73,
        p75Days: 73,
        minDays: 73,
        maxDays: 73,
      },
    ]);
    const season2026 = await get<ConvocationDelayResponse>(
      '/api/firm/analytics/convocation-delays?departement=2B&season=2026',
    );
    expect(season2026.rows).toEqual([]);
  });
});

describe('visa refusals', () => {
  it('gives the refusal rate per consulate and the share of each ground', async () => {
    const res = await get<VisaRefusalResponse>(
      '/api/firm/analytics/visa-refusals?departement=2B',
    );
    // Decisions (moves out of VISA_FILED): Casablanca d1 issued, d2 refused, d3 refused then
    // issued (re-applied), d4 refused verbally = 5 decisions, 2 issued, 3 refused, 3/5 = 0.6.
    // Tunis: d5 implicit refusal, d6 refused = 2 decisions, 2 refused = 1. (d5's visa after the
    // CRRV is not a consulate decision.) Totals 7 decisions, 5 refused: 5/7 = 0.714285... -> 0.7143.
    expect(res.totals).toEqual({
      decisions: 7,
      refused: 5,
      refusalRate: 0.7143,
      refusalsWithGrounds: 3,
    });
    expect(res.byConsulate).toEqual([
      {
        consulate: 'casablanca',
        decisions: 5,
        issued: 2,
        refused: 3,
        refusalRate: 0.6,
      },
      {
        consulate: 'tunis',
        decisions: 2,
        issued: 0,
        refused: 2,
        refusalRate: 1,
      },
    ]);
    // Refusals with grounds: d2 (2 grounds), d3, d6 = 3. Diverting: d2, d3 = 2/3 = 0.6667;
    // incomplete: d2 = 1/3 = 0.3333; resources: d6 = 1/3.
    expect(res.byGround.map((g) => [g.ground, g.refusals, g.share])).toEqual([
      ['risk_of_diverting_visa_purpose', 2, 0.6667],
      ['information_incomplete_or_unreliable', 1, 0.3333],
      ['insufficient_resources', 1, 0.3333],
    ]);
    expect(res.byGround[0].label.fr).toMatch(/détournement/i);
  });
});

describe('appeal outcomes', () => {
  it('counts CRRV and court appeals by outcome, with the pending ones', async () => {
    const res = await get<AppealOutcomeResponse>(
      '/api/firm/analytics/appeal-outcomes?departement=2B',
    );
    // CRRV filed: d2, d4, d5, d6 = 4. Granted d5, rejected d2, rejected implicitly d6, pending d4.
    // Success: 1 granted / 3 decided = 0.3333.
    // Court filed: d2, d6 = 2. Annulled d2, rejected d6, none pending: 1/2 = 0.5.
    expect(res.rows).toEqual([
      {
        body: 'crrv',
        filed: 4,
        outcomes: [
          { outcome: 'granted', count: 1 },
          { outcome: 'rejected', count: 1 },
          { outcome: 'rejected_implicit', count: 1 },
          { outcome: 'pending', count: 1 },
        ],
        successRate: 0.3333,
      },
      {
        body: 'court',
        filed: 2,
        outcomes: [
          { outcome: 'annulled', count: 1 },
          { outcome: 'rejected', count: 1 },
          { outcome: 'pending', count: 0 },
        ],
        successRate: 0.5,
      },
    ]);
  });
});

describe('season funnel', () => {
  it("counts the season's dossiers that reached each stage, and those in it now", async () => {
    const res = await get<SeasonFunnelResponse>(
      '/api/firm/analytics/season-funnel?departement=2B&season=2025',
    );
    // Season 2025 in 2B: d1..d7 = 7 dossiers.
    // Reached: preparation 7 (all created); work permit, OFII, visa 6 (d1..d6); appeals 4 (d2, d4,
    // d5, d6); arrival 2 (d1, d3); residence 1 (d3); return and ended 0.
    // Now: preparation 1 (d7), visa 1 (d5), appeals 3 (d2, d4, d6), arrival 1 (d1), residence 1 (d3).
    expect(res.dossiers).toBe(7);
    expect(
      res.steps.map((s) => [s.stage, s.reached, s.current, s.reachedShare]),
    ).toEqual([
      ['preparation', 7, 1, 1],
      ['work_permit', 6, 0, 0.8571], // 6/7 = 0.857142...
      ['ofii', 6, 0, 0.8571],
      ['visa', 6, 1, 0.8571],
      ['appeals', 4, 3, 0.5714], // 4/7 = 0.571428...
      ['arrival', 2, 1, 0.2857], // 2/7 = 0.285714...
      ['residence', 1, 1, 0.1429], // 1/7 = 0.142857...
      ['return', 0, 0, 0],
      ['ended', 0, 0, 0],
    ]);
  });
});

describe('returning workers', () => {
  it('gives per season the share of workers who came in an earlier season', async () => {
    const res = await get<ReturningWorkersResponse>(
      '/api/firm/analytics/returning-workers?departement=2B',
    );
    // 2025: 7 workers (d1..d7), no earlier season: 0 returning, share 0.
    // 2026: d8 (d1's worker, ARRIVED in 2025: returning) and d9 (d4's worker, never arrived):
    // 2 workers, 1 returning, 1/2 = 0.5.
    expect(res.rows).toEqual([
      { season: 2025, workers: 7, returning: 0, share: 0 },
      { season: 2026, workers: 2, returning: 1, share: 0.5 },
    ]);
    const only2026 = await get<ReturningWorkersResponse>(
      '/api/firm/analytics/returning-workers?departement=2B&season=2026',
    );
    expect(only2026.rows).toEqual([
      { season: 2026, workers: 2, returning: 1, share: 0.5 },
    ]);
  });
});

describe('CSV downloads', () => {
  it('gives each chart as a French Excel file: BOM, semicolons, CRLF, decimal commas', async () => {
    const res = await staff.get(
      '/api/firm/analytics/convocation-delays.csv?departement=2B',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="convocation-delays-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body.slice(1).split('\r\n')).toEqual([
      'Bureau OFII;Mois de convocation;Dossiers;Médiane (jours);1er quartile (jours);3e quartile (jours);Minimum (jours);Maximum (jours)',
      'casablanca;2025-03;4;49,5;45;52;33;58',
      'tunis;2025-04;2;43;41,5;44,5;40;46',
      '',
    ]);
    const consulates = await staff.get(
      '/api/firm/analytics/visa-refusals-by-consulate.csv?departement=2B',
    );
    expect(consulates.body.slice(1).split('\r\n').slice(1, 3)).toEqual([
      'casablanca;5;2;3;60',
      'tunis;2;0;2;100',
    ]);
    const grounds = await staff.get(
      '/api/firm/analytics/visa-refusals-by-ground.csv?departement=2B',
    );
    // 2/3 = 66.67 % -> 66,7
    expect(grounds.body).toContain(
      ';risk_of_diverting_visa_purpose;2;66,7\r\n',
    );
    const appeals = await staff.get(
      '/api/firm/analytics/appeal-outcomes.csv?departement=2B',
    );
    expect(appeals.body).toContain('CRRV;4;Visa délivré;1;33,3\r\n');
    const funnel = await staff.get(
      '/api/firm/analytics/season-funnel.csv?departement=2B&season=2025',
    );
    expect(funnel.body).toContain('Recours;4;3;57,1\r\n');
    const returning = await staff.get(
      '/api/firm/analytics/returning-workers.csv?departement=2B',
    );
    expect(returning.body).toContain('2026;2;1;50\r\n');
  });

  it('answers 404 for an unknown export and 400 for a bad filter', async () => {
    expect(
      (await staff.get('/api/firm/analytics/everything.csv')).statusCode,
    ).toBe(404);
    const bad = await staff.get('/api/firm/analytics/season-funnel?season=99');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('season');
  });
});
