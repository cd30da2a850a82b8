import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  DossierDetail,
  EmployerOverviewPage,
  EmployerOverviewRow,
} from '@moisson/contract';
import {
  computeLegalDeadline,
  daysBetween,
  DOSSIER_STAGE_OF_STATE,
  DOSSIER_STAGES,
  DOSSIER_STATES,
} from '@moisson/domain';
import { randomBytes } from 'node:crypto';
import {
  createDossier,
  day,
  move,
  moveAll,
  toAwaitingOfii,
  today,
} from './dossier-fixtures';
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
 * The employers overview and the counters behind it (employer_dossier_stats, kept by triggers on
 * `dossier`). Every employer of this file has a legal name starting with a run-unique tag, and
 * every overview request filters on it (q=tag), so other test files' employers never interfere.
 */
let app: NestFastifyApplication;
let staff: TestClient;
let staffId: string;
const tag = `Ovw${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  app = await createTestApp();
  const user = await createUser({ role: 'firm_staff' });
  staffId = user.id;
  staff = await signedInClient(app, user);
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

/** The counters of one employer next to a live count of its dossiers: they must be equal. */
async function countersAndLiveCount(employerId: string) {
  const source = await db();
  const [stats] = await source.query(
    `SELECT dossiers, active, stage_preparation, stage_work_permit, stage_ofii, stage_visa,
       stage_appeals, stage_arrival, stage_residence, stage_return, stage_ended, awaiting_ofii,
       to_char(oldest_transmitted_on, 'YYYY-MM-DD') AS oldest, refusals_unappealed
     FROM employer_dossier_stats WHERE employer_id = $1`,
    [employerId],
  );
  const [live] = await source.query(
    `SELECT count(*)::int AS dossiers,
       count(*) FILTER (WHERE state NOT IN ('CLOSED','ABANDONED','WITHDRAWN'))::int AS active,
       ${DOSSIER_STAGES.map(
         (stage) =>
           `count(*) FILTER (WHERE state IN (${DOSSIER_STATES.filter(
             (s) => DOSSIER_STAGE_OF_STATE[s] === stage,
           )
             .map((s) => `'${s}'`)
             .join(',')}))::int AS stage_${stage}`,
       ).join(', ')},
       count(*) FILTER (WHERE state = 'AWAITING_OFII')::int AS awaiting_ofii,
       to_char(min(transmitted_on) FILTER (WHERE state = 'AWAITING_OFII'), 'YYYY-MM-DD') AS oldest,
       count(*) FILTER (WHERE state IN ('VISA_REFUSED','VISA_REFUSED_VERBAL','VISA_REFUSED_IMPLICIT','CRRV_REJECTED','CRRV_REJECTED_IMPLICIT'))::int AS refusals_unappealed
     FROM dossier WHERE employer_id = $1`,
    [employerId],
  );
  return { stats, live };
}

async function overview(query: string): Promise<EmployerOverviewPage> {
  const res = await staff.get(`/api/firm/employers?q=${tag}&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<EmployerOverviewPage>();
}

describe('employer_dossier_stats (trigger-kept counters)', () => {
  it('counts a dossier in every one of the 29 states into the stage @moisson/domain gives it', async () => {
    const employer = await createEmployer(`${tag} Tous états`);
    const source = await db();
    // One worker and one dossier per state, in ONE insert statement (as an import or a seed would).
    await source.query(
      `WITH w AS (
         INSERT INTO worker (employer_id, surname, given_names, birth_date, nationality, passport_number, passport_expiry)
         SELECT $1, 'ETAT' || g, 'Test', date '1990-01-01', 'MA', 'ZS' || lpad(g::text, 7, '0'), date '2032-01-01'
         FROM generate_series(1, $3::int) g RETURNING id, surname)
       INSERT INTO dossier (employer_id, worker_id, season, job_title, contract_type, planned_start, planned_end, state, transmitted_on)
       SELECT $1, w.id, 2027, 'Ouvrier', 'seasonal', date '2027-03-01', date '2027-06-01',
              ($2::text[])[substring(w.surname from 5)::int],
              CASE WHEN ($2::text[])[substring(w.surname from 5)::int] = 'AWAITING_OFII' THEN date '2026-01-15' END
       FROM w`,
      [employer.id, [...DOSSIER_STATES], DOSSIER_STATES.length],
    );
    const { stats, live } = await countersAndLiveCount(employer.id);
    expect(stats).toEqual(live);
    // By hand: 29 states; CLOSED, ABANDONED, WITHDRAWN are not active (29 - 3 = 26); stages hold
    // 2 (DRAFT, OFFER_PUBLISHED), 3, 4, 5, 6, 1, 3, 2 and 3 states; 5 refusal states without appeal.
    expect(stats).toEqual({
      dossiers: 29,
      active: 26,
      stage_preparation: 2,
      stage_work_permit: 3,
      stage_ofii: 4,
      stage_visa: 5,
      stage_appeals: 6,
      stage_arrival: 1,
      stage_residence: 3,
      stage_return: 2,
      stage_ended: 3,
      awaiting_ofii: 1,
      oldest: '2026-01-15',
      refusals_unappealed: 5,
    });
    // Deleting them all (one statement) brings every counter back to zero.
    await source.query(`DELETE FROM dossier WHERE employer_id = $1`, [
      employer.id,
    ]);
    const after = await countersAndLiveCount(employer.id);
    expect(after.stats).toEqual({ ...after.live, oldest: null });
    expect(after.stats.dossiers).toBe(0);
  });

  it('follows creations and transitions made through the API, and equals a full rebuild', async () => {
    const employer = await createEmployer(`${tag} Suivi`);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createDossier(staff, employer.id)).id);
    await moveAll(staff, employer.id, ids[0], toAwaitingOfii(40));
    await moveAll(staff, employer.id, ids[1], toAwaitingOfii(12));
    await moveAll(staff, employer.id, ids[2], [
      ['WITHDRAWN', { reason: 'Le salarié a renoncé' }],
    ]);
    let { stats, live } = await countersAndLiveCount(employer.id);
    expect(stats).toEqual(live);
    expect(stats).toMatchObject({
      dossiers: 3,
      active: 2,
      awaiting_ofii: 2,
      oldest: day(-40),
      stage_ended: 1,
    });
    // The longest-waiting dossier is convoked: the oldest wait becomes the other one's.
    await moveAll(staff, employer.id, ids[0], [
      [
        'OFII_CONVOKED',
        {
          convocationDate: day(-2),
          appointmentDate: day(10),
          appointmentPlace: 'OFII Casablanca',
        },
      ],
    ]);
    ({ stats, live } = await countersAndLiveCount(employer.id));
    expect(stats).toEqual(live);
    expect(stats.oldest).toBe(day(-12));
    const source = await db();
    const [before] = await source.query(
      `SELECT row_to_json(s) AS r FROM employer_dossier_stats s WHERE employer_id = $1`,
      [employer.id],
    );
    await source.query('SELECT employer_dossier_stats_rebuild()');
    const [rebuilt] = await source.query(
      `SELECT row_to_json(s) AS r FROM employer_dossier_stats s WHERE employer_id = $1`,
      [employer.id],
    );
    expect(rebuilt.r).toEqual(before.r);
  });

  it('stays exact when many transitions of one employer run at the same time', async () => {
    const employer = await createEmployer(`${tag} Concurrence`);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const d = await createDossier(staff, employer.id);
      await moveAll(staff, employer.id, d.id, toAwaitingOfii(20 + i));
      ids.push(d.id);
    }
    // Eight convocations in parallel (eight transactions on one counters row).
    const results = await Promise.all(
      ids.map((id) =>
        move(staff, employer.id, id, 'OFII_CONVOKED', {
          convocationDate: day(-1),
          appointmentDate: day(5),
          appointmentPlace: 'OFII Casablanca',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 201));
    const { stats, live } = await countersAndLiveCount(employer.id);
    expect(stats).toEqual(live);
    expect(stats).toMatchObject({
      awaiting_ofii: 0,
      oldest: null,
      stage_ofii: 8,
    });
  });
});

describe('GET /api/firm/employers', () => {
  /** Employers with known figures, built once for the tests below. */
  const w = {} as {
    vigne: { id: string; refusalDeadline: string; refusalDossier: string };
    verger: { id: string };
    maraicher: { id: string };
  };

  beforeAll(async () => {
    const source = await db();
    // Vigne (47, Casablanca, assigned to our staff member): 3 waiting for OFII since 45, 31 and
    // 10 days, 1 written visa refusal notified 5 days ago, 1 draft.
    const vigne = await createEmployer(`${tag} Vigne`);
    await source.query(
      `UPDATE employer SET assigned_staff_id = $2, departement = '47', ofii_office = 'casablanca' WHERE id = $1`,
      [vigne.id, staffId],
    );
    for (const daysAgo of [45, 31, 10]) {
      const d = await createDossier(staff, vigne.id);
      await moveAll(staff, vigne.id, d.id, toAwaitingOfii(daysAgo));
    }
    const refused = await createDossier(staff, vigne.id);
    const steps = toAwaitingOfii(60);
    await moveAll(staff, vigne.id, refused.id, [
      ...steps,
      [
        'OFII_CONVOKED',
        {
          convocationDate: day(-40),
          appointmentDate: day(-30),
          appointmentPlace: 'OFII Casablanca',
        },
      ],
      ['MEDICAL_FIT', { examinationDate: day(-30) }],
      ['VISA_FILED', { filingDate: day(-29), consulate: 'Casablanca' }],
      [
        'VISA_REFUSED',
        { notificationDate: day(-5), grounds: ['purpose_not_justified'] },
      ],
    ]);
    await createDossier(staff, vigne.id);
    w.vigne = {
      id: vigne.id,
      // The CRRV deadline as @moisson/domain computes it (30 days, rolled off weekends/holidays).
      refusalDeadline: computeLegalDeadline('crrv_appeal', day(-5)).dueDate,
      refusalDossier: refused.id,
    };
    // Verger (84, Tunis, nobody assigned): 1 dossier waiting 5 days (not overdue).
    const verger = await createEmployer(`${tag} Verger`);
    await source.query(
      `UPDATE employer SET departement = '84', ofii_office = 'tunis' WHERE id = $1`,
      [verger.id],
    );
    const v: DossierDetail = await createDossier(staff, verger.id);
    await moveAll(staff, verger.id, v.id, toAwaitingOfii(5, 'Tunis'));
    w.verger = { id: verger.id };
    // Maraîcher (13, no OFII office): no dossier at all (no counters row yet).
    w.maraicher = { id: (await createEmployer(`${tag} Maraîcher`)).id };
    await source.query(
      `UPDATE employer SET departement = '13', ofii_office = NULL WHERE id = $1`,
      [w.maraicher.id],
    );
  });

  const rowOf = (page: EmployerOverviewPage, id: string) =>
    page.items.find((r) => r.employer.id === id) as EmployerOverviewRow;

  it('gives each employer its counts, overdue convocations, longest wait and nearest appeal deadline', async () => {
    const page = await overview('limit=200');
    const vigne = rowOf(page, w.vigne.id);
    expect(page.today).toBe(today());
    // 5 dossiers, none ended: 5 active; stages: 1 draft (preparation), 3 ofii, 1 visa.
    expect(vigne.activeDossiers).toBe(5);
    expect(vigne.dossiersByStage).toEqual({
      preparation: 1,
      work_permit: 0,
      ofii: 3,
      visa: 1,
      appeals: 0,
      arrival: 0,
      residence: 0,
      return: 0,
      ended: 0,
    });
    // Waiting 45, 31 and 10 days: 3 awaiting, 2 of them 30 days or more, longest 45.
    expect(vigne.convocations).toEqual({
      awaiting: 3,
      overdue: 2,
      thresholdDays: 30,
      longestWaitDays: 45,
    });
    expect(vigne.refusals).toEqual({
      withoutAppeal: 1,
      nearestDeadline: {
        kind: 'crrv_appeal',
        date: w.vigne.refusalDeadline,
        daysLeft: daysBetween(today(), w.vigne.refusalDeadline),
        dossierId: w.vigne.refusalDossier,
      },
    });
    expect(vigne.nextLegalDeadline?.date).toBe(w.vigne.refusalDeadline);
    expect(vigne.assignedStaff?.id).toBe(staffId);
    expect(vigne.lastActivityAt).not.toBeNull();

    const verger = rowOf(page, w.verger.id);
    expect(verger.convocations).toEqual({
      awaiting: 1,
      overdue: 0,
      thresholdDays: 30,
      longestWaitDays: 5,
    });
    expect(verger.refusals).toEqual({
      withoutAppeal: 0,
      nearestDeadline: null,
    });

    const maraicher = rowOf(page, w.maraicher.id);
    expect(maraicher.activeDossiers).toBe(0);
    expect(maraicher.convocations.longestWaitDays).toBeNull();
    expect(maraicher.lastActivityAt).toBeNull();
    expect(page.total).toBe(page.items.length);
  });

  it.each([
    ['overdue=true', ['Vigne']],
    ['overdue=false', ['Maraîcher', 'Verger']],
    ['unappealedRefusals=true', ['Vigne']],
    ['assignedToMe=true', ['Vigne']],
    ['assignedStaffId=none', ['Maraîcher', 'Verger']],
    ['departement=84', ['Verger']],
    ['ofiiOffice=Casablanca', ['Vigne']],
    ['deadlineWithinDays=0', []],
    ['deadlineWithinDays=366', ['Vigne']],
  ])('filters: %s', async (query, names) => {
    const page = await overview(`${query}&limit=200`);
    const mine = page.items
      .filter((r) => r.employer.legalName.startsWith(tag))
      .map((r) => r.employer.legalName.slice(tag.length + 1))
      .filter((n) => ['Vigne', 'Verger', 'Maraîcher'].includes(n));
    expect(mine.sort()).toEqual(names);
  });

  it('finds the refusal within its window with deadlineWithinDays', async () => {
    const days = daysBetween(today(), w.vigne.refusalDeadline);
    const inside = await overview(`deadlineWithinDays=${days}`);
    expect(inside.items.map((r) => r.employer.id)).toContain(w.vigne.id);
    const before = await overview(`deadlineWithinDays=${days - 1}`);
    expect(before.items.map((r) => r.employer.id)).not.toContain(w.vigne.id);
  });

  it.each([
    ['name', ['Maraîcher', 'Verger', 'Vigne']],
    ['longestWait', ['Vigne', 'Verger', 'Maraîcher']],
    ['appealDeadline', ['Vigne', 'Maraîcher', 'Verger']],
    ['activeDossiers', ['Vigne', 'Verger', 'Maraîcher']],
    ['lastActivity', ['Verger', 'Vigne', 'Maraîcher']],
  ])(
    'sorts by %s and pages one by one with the cursor without skipping or repeating',
    async (sort, expected) => {
      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: EmployerOverviewPage = await overview(
          `sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        names.push(
          ...page.items.map((r) => r.employer.legalName.slice(tag.length + 1)),
        );
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      expect(
        names.filter((n) => ['Vigne', 'Verger', 'Maraîcher'].includes(n)),
      ).toEqual(expected);
    },
  );

  it('refuses a bad filter with a 400 naming it, and a cursor of another sort', async () => {
    const bad = await staff.get('/api/firm/employers?deadlineWithinDays=-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('deadlineWithinDays');
    const first = await overview('sort=name&limit=1');
    const other = await staff.get(
      `/api/firm/employers?sort=lastActivity&cursor=${first.nextCursor}`,
    );
    expect(other.statusCode).toBe(400);
  });
});
