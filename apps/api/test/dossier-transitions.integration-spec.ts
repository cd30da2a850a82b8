import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  DossierDetail,
  DossierListItem,
  GroupTransitionResponse,
  Page,
  TransitionErrorDetail,
} from '@moisson/contract';
import { deadlineFor } from '@moisson/domain';
import {
  createDossier,
  day,
  move,
  moveAll,
  rowCounts,
  toAwaitingOfii,
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

let app: NestFastifyApplication;
let employerId: string;
let owner: TestClient;
let lawyer: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  employerId = (await createEmployer('Vignobles des Transitions')).id;
  owner = await signedInClient(
    app,
    await createUser({ locale: 'en', role: 'employer_owner', employerId }),
  );
  lawyer = await signedInClient(
    app,
    await createUser({ locale: 'en', role: 'firm_staff' }),
  );
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

const url = (path = '') => `/api/employers/${employerId}/dossiers${path}`;

async function listed(query: string): Promise<DossierListItem[]> {
  const res = await owner.get(url(`?limit=200&${query}`));
  expect(res.statusCode).toBe(200);
  return res.json<Page<DossierListItem>>().items;
}

/** The visa road, from DRAFT to a visa application filed on `filedOn`. */
function toVisaFiled(
  filedOn: string,
): Array<[string, Record<string, unknown>]> {
  return [
    ['AT_SUBMITTED', { submissionDate: '2026-01-05' }],
    [
      'AT_GRANTED',
      { permitNumber: 'AT-47-2026-00042', grantDate: '2026-01-20' },
    ],
    [
      'AWAITING_OFII',
      { transmissionDate: '2026-01-25', ofiiOffice: 'Casablanca' },
    ],
    [
      'OFII_CONVOKED',
      {
        convocationDate: '2026-02-20',
        appointmentDate: '2026-03-02',
        appointmentPlace: 'OFII Casablanca',
      },
    ],
    ['MEDICAL_FIT', { examinationDate: '2026-03-02' }],
    ['VISA_FILED', { filingDate: filedOn, consulate: 'Rabat' }],
  ];
}

describe('a dossier through the work permit to OFII', () => {
  it('moves DRAFT -> AT_SUBMITTED -> AT_GRANTED -> AWAITING_OFII, each step on its timeline, and is listed overdue after 30 days', async () => {
    const dossier = await createDossier(owner, employerId);
    const submitted = await move(
      owner,
      employerId,
      dossier.id,
      'AT_SUBMITTED',
      {
        submissionDate: day(-60),
        applicationReference: ' ANEF-2026-1 ',
      },
    );
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json<DossierDetail>()).toMatchObject({
      state: 'AT_SUBMITTED',
      stage: 'work_permit',
      allowedNextStates: ['AT_GRANTED', 'AT_REFUSED', 'WITHDRAWN'],
    });
    const granted = await move(owner, employerId, dossier.id, 'AT_GRANTED', {
      permitNumber: 'AT-47-2026-00117',
      grantDate: day(-50),
      validUntil: day(315),
    });
    expect(granted.json<DossierDetail>()).toMatchObject({
      state: 'AT_GRANTED',
      permitNumber: 'AT-47-2026-00117',
      permitGrantedOn: day(-50),
      permitValidUntil: day(315),
    });
    const waiting = (
      await lawyer.post(url(`/${dossier.id}/transitions`), {
        to: 'AWAITING_OFII',
        data: { transmissionDate: day(-31), ofiiOffice: 'Casablanca' },
      })
    ).json<DossierDetail>();
    expect(waiting).toMatchObject({
      state: 'AWAITING_OFII',
      stage: 'ofii',
      ofiiOffice: 'casablanca',
      convocationOverdue: true,
      daysWaitingForConvocation: 31,
      allowedNextStates: ['OFII_CONVOKED', 'WITHDRAWN'],
    });
    expect(
      waiting.timeline.map((e) => [e.fromState, e.toState, e.actor.name]),
    ).toEqual([
      [null, 'DRAFT', 'Test employer_owner'],
      ['DRAFT', 'AT_SUBMITTED', 'Test employer_owner'],
      ['AT_SUBMITTED', 'AT_GRANTED', 'Test employer_owner'],
      ['AT_GRANTED', 'AWAITING_OFII', 'Test firm_staff'],
    ]);
    expect(waiting.timeline[1].data).toEqual({
      submissionDate: day(-60),
      applicationReference: 'ANEF-2026-1',
    });
    expect(waiting.deadlines.map((d) => [d.kind, d.dueDate, d.notice])).toEqual(
      [['work_permit_expiry', day(315), null]],
    );

    const recent = await createDossier(owner, employerId);
    await moveAll(owner, employerId, recent.id, toAwaitingOfii(29));
    const overdue = (await listed('overdue=true')).map((d) => d.id);
    expect(overdue).toContain(dossier.id);
    expect(overdue).not.toContain(recent.id);
    const notOverdue = (await listed('overdue=false')).map((d) => d.id);
    expect(notOverdue).toContain(recent.id);
    expect(notOverdue).not.toContain(dossier.id);
    const item = (await listed('overdue=true')).find(
      (d) => d.id === dossier.id,
    );
    expect(item).toMatchObject({
      convocationOverdue: true,
      daysWaitingForConvocation: 31,
      permitNumber: 'AT-47-2026-00117',
    });
  });
});

describe('refused transitions: 422 naming each rule and field, nothing written', () => {
  it('refuses a move from the wrong state', async () => {
    const dossier = await createDossier(owner, employerId);
    const before = await rowCounts(employerId);
    const res = await move(owner, employerId, dossier.id, 'VISA_FILED', {
      filingDate: day(-1),
      consulate: 'Rabat',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'UNPROCESSABLE',
      message:
        'The dossier cannot move to "Visa application filed" (VISA_FILED): Moving from "Draft" (DRAFT) to "Visa application filed" (VISA_FILED) is not allowed.',
      details: [
        {
          field: 'to',
          rule: 'TRANSITION_NOT_ALLOWED',
          messageFr: expect.stringMatching(/non autorisé/),
        },
      ],
    });
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it('gives the same refusal in French to a French-speaking user', async () => {
    const french = await signedInClient(
      app,
      await createUser({ role: 'employer_owner', employerId }),
    );
    const dossier = await createDossier(owner, employerId);
    const res = await move(french, employerId, dossier.id, 'VISA_FILED', {
      filingDate: day(-1),
      consulate: 'Rabat',
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      code: string;
      message: string;
      details: TransitionErrorDetail[];
    }>();
    expect(body.code).toBe('UNPROCESSABLE');
    expect(body.message).toMatch(
      /^Le dossier ne peut pas passer à l'état « .+ » \(VISA_FILED\) : .*non autorisé/,
    );
    expect(body.details).toHaveLength(1);
    expect(body.details[0].message).toBe(body.details[0].messageFr);
    expect(body.details[0].message).toMatch(/non autorisé/);
  });

  it('names every missing, invalid, future or unknown field of the step', async () => {
    const dossier = await createDossier(owner, employerId);
    await moveAll(owner, employerId, dossier.id, [
      ['AT_SUBMITTED', { submissionDate: day(-20) }],
    ]);
    const before = await rowCounts(employerId);
    const res = await move(owner, employerId, dossier.id, 'AT_GRANTED', {
      grantDate: day(3),
      validUntil: '2027-02-30',
      permitNo: 'AT-1',
    });
    expect(res.statusCode).toBe(422);
    const details = res.json<{ details: TransitionErrorDetail[] }>().details;
    expect(details.map((d) => `${d.rule} ${d.field}`)).toEqual([
      'FIELD_REQUIRED data.permitNumber',
      'DATE_IN_FUTURE data.grantDate',
      'DATE_INVALID data.validUntil',
      'FIELD_UNKNOWN data.permitNo',
    ]);
    expect(details[0].message).toMatch(/"work permit number" \(permitNumber\)/);
    expect(await rowCounts(employerId)).toEqual(before);
  });

  it('refuses a step dated before the previous one, and the shortcut for a job that is not a shortage occupation', async () => {
    const dossier = await createDossier(owner, employerId, {
      shortageOccupation: false,
    });
    const shortcut = await move(owner, employerId, dossier.id, 'AT_SUBMITTED', {
      submissionDate: day(-5),
    });
    expect(shortcut.statusCode).toBe(422);
    expect(
      shortcut.json<{ details: TransitionErrorDetail[] }>().details[0].rule,
    ).toBe('SHORTAGE_OCCUPATION_REQUIRED');
    await moveAll(owner, employerId, dossier.id, [
      ['OFFER_PUBLISHED', { publicationDate: day(-30) }],
    ]);
    const early = await move(owner, employerId, dossier.id, 'AT_SUBMITTED', {
      submissionDate: day(-31),
    });
    expect(early.statusCode).toBe(422);
    expect(early.json<{ details: TransitionErrorDetail[] }>().details).toEqual([
      expect.objectContaining({
        rule: 'DATE_ORDER',
        field: 'data.submissionDate',
      }),
    ]);
  });

  it('answers 400 for an unknown state and 404 for an unknown dossier', async () => {
    const dossier = await createDossier(owner, employerId);
    expect(
      (await move(owner, employerId, dossier.id, 'ON_HOLD')).statusCode,
    ).toBe(400);
    expect(
      (
        await move(
          owner,
          employerId,
          '00000000-0000-4000-8000-000000000000',
          'WITHDRAWN',
          { reason: 'x' },
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('a written visa refusal', () => {
  it('shows its CRRV deadline: notified 1 April 2026, 30 days end on Friday 1 May (a holiday), so Monday 4 May', async () => {
    const dossier = await createDossier(owner, employerId, {
      season: 2026,
      plannedStart: '2026-04-15',
      plannedEnd: '2026-09-30',
    });
    await moveAll(owner, employerId, dossier.id, toVisaFiled('2026-03-03'));
    const refused = await moveAll(owner, employerId, dossier.id, [
      [
        'VISA_REFUSED',
        {
          notificationDate: '2026-04-01',
          grounds: ['risk_of_diverting_visa_purpose'],
        },
      ],
    ]);
    expect(deadlineFor('crrv_appeal', '2026-04-01')).toBe('2026-05-04');
    expect(refused.legalDeadline).toMatchObject({
      kind: 'crrv_appeal',
      legal: true,
      startDate: '2026-04-01',
      nominalDueDate: '2026-05-01',
      dueDate: '2026-05-04',
      rolled: true,
      notice: { fr: 'calculée - à vérifier par le cabinet' },
    });
    expect(refused.nextStep).toMatchObject({
      expectedStates: ['CRRV_FILED', 'VISA_FILED', 'ABANDONED'],
      deadline: { kind: 'crrv_appeal', dueDate: '2026-05-04' },
    });
    expect(refused.allowedNextStates).toEqual([
      'CRRV_FILED',
      'VISA_FILED',
      'ABANDONED',
      'WITHDRAWN',
    ]);
  });

  it('within its window, is found by deadlineWithinDays and the refusal stage, with days left', async () => {
    const dossier = await createDossier(owner, employerId, {
      plannedStart: day(20),
      plannedEnd: day(120),
    });
    await moveAll(owner, employerId, dossier.id, [
      ...toAwaitingOfii(60),
      [
        'OFII_CONVOKED',
        {
          convocationDate: day(-40),
          appointmentDate: day(-30),
          appointmentPlace: 'OFII Casablanca',
        },
      ],
      ['MEDICAL_FIT', { examinationDate: day(-30) }],
      ['VISA_FILED', { filingDate: day(-28), consulate: 'Casablanca' }],
      [
        'VISA_REFUSED',
        {
          notificationDate: day(-5),
          grounds: ['information_incomplete_or_unreliable'],
        },
      ],
    ]);
    const due = deadlineFor('crrv_appeal', day(-5));
    const within = await listed('deadlineWithinDays=40&stage=visa');
    const item = within.find((d) => d.id === dossier.id);
    expect(item?.legalDeadline).toMatchObject({
      kind: 'crrv_appeal',
      dueDate: due,
    });
    expect(item?.legalDeadline?.daysLeft).toBeGreaterThanOrEqual(25);
    expect(
      (await listed('deadlineWithinDays=10')).map((d) => d.id),
    ).not.toContain(dossier.id);
  });
});

describe('a group transition ("OFII convoked these workers")', () => {
  const convocation = {
    convocationDate: day(-1),
    appointmentDate: day(14),
    appointmentPlace: 'OFII Casablanca, 12 rue Ibnou Mounir',
  };

  it('moves every dossier of the group with the same data', async () => {
    const group: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await createDossier(owner, employerId);
      await moveAll(owner, employerId, d.id, toAwaitingOfii(40));
      group.push(d.id);
    }
    const res = await owner.post(url('/transitions'), {
      dossierIds: group,
      to: 'OFII_CONVOKED',
      data: convocation,
    });
    expect(res.statusCode).toBe(201);
    const moved = res.json<GroupTransitionResponse>().dossiers;
    expect(moved.map((d) => d.id).sort()).toEqual([...group].sort());
    expect(moved.every((d) => d.state === 'OFII_CONVOKED')).toBe(true);
    const detail = (await owner.get(url(`/${group[0]}`))).json<DossierDetail>();
    expect(detail.timeline.at(-1)).toMatchObject({
      toState: 'OFII_CONVOKED',
      data: convocation,
    });
    expect(detail.deadlines[0]).toMatchObject({
      kind: 'ofii_appointment',
      dueDate: day(14),
    });
  });

  it('changes nothing when one dossier is in the wrong state, and names it', async () => {
    const ready: string[] = [];
    for (let i = 0; i < 2; i++) {
      const d = await createDossier(owner, employerId);
      await moveAll(owner, employerId, d.id, toAwaitingOfii(40));
      ready.push(d.id);
    }
    const late = await createDossier(
      owner,
      employerId,
      {},
      { surname: 'Enretard' },
    );
    const before = await rowCounts(employerId);
    const res = await owner.post(url('/transitions'), {
      dossierIds: [...ready, late.id],
      to: 'OFII_CONVOKED',
      data: convocation,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      message: string;
      details: TransitionErrorDetail[];
    }>();
    expect(body.message).toMatch(
      /^1 of the 3 dossiers cannot move .* so none was changed/,
    );
    expect(body.details).toEqual([
      expect.objectContaining({
        dossierId: late.id,
        rule: 'TRANSITION_NOT_ALLOWED',
        message: expect.stringMatching(/^Enretard Youssef: /),
      }),
    ]);
    expect(await rowCounts(employerId)).toEqual(before);
    for (const id of ready)
      expect((await owner.get(url(`/${id}`))).json<DossierDetail>().state).toBe(
        'AWAITING_OFII',
      );
  });

  it("changes nothing when an id is unknown or another employer's (404)", async () => {
    const mine = await createDossier(owner, employerId);
    await moveAll(owner, employerId, mine.id, toAwaitingOfii(40));
    const otherEmployer = await createEmployer();
    const otherOwner = await signedInClient(
      app,
      await createUser({
        role: 'employer_owner',
        employerId: otherEmployer.id,
      }),
    );
    const theirs = await createDossier(otherOwner, otherEmployer.id);
    await moveAll(otherOwner, otherEmployer.id, theirs.id, toAwaitingOfii(40));
    const before = await rowCounts(employerId);
    const theirsBefore = await rowCounts(otherEmployer.id);
    const res = await owner.post(url('/transitions'), {
      dossierIds: [mine.id, theirs.id],
      to: 'OFII_CONVOKED',
      data: convocation,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      details: [{ field: 'dossierIds[1]' }],
    });
    expect(await rowCounts(employerId)).toEqual(before);
    expect(await rowCounts(otherEmployer.id)).toEqual(theirsBefore);
  });

  it('refuses an empty or repeated list (400)', async () => {
    const d = await createDossier(owner, employerId);
    for (const dossierIds of [[], [d.id, d.id]]) {
      const res = await owner.post(url('/transitions'), {
        dossierIds,
        to: 'WITHDRAWN',
        data: { reason: 'x' },
      });
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('the timeline', () => {
  it('cannot be changed or deleted, even by SQL', async () => {
    const dossier = await createDossier(owner, employerId);
    const source = await db();
    await expect(
      source.query(
        `UPDATE dossier_event SET kind = 'note' WHERE dossier_id = $1`,
        [dossier.id],
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      source.query(`DELETE FROM dossier_event WHERE dossier_id = $1`, [
        dossier.id,
      ]),
    ).rejects.toThrow(/append-only/);
  });

  it('has one event per state change: the state never changes without its event', async () => {
    const dossier = await createDossier(owner, employerId);
    await moveAll(owner, employerId, dossier.id, [
      ...toAwaitingOfii(10),
      ['WITHDRAWN', { reason: 'Le travailleur renonce' }],
    ]);
    const [row] = await (
      await db()
    ).query(
      `SELECT d.state, count(e.id)::int AS events,
              (array_agg(e.to_state ORDER BY e.at DESC, e.id DESC))[1] AS last
         FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id
        WHERE d.id = $1 GROUP BY d.state`,
      [dossier.id],
    );
    expect(row).toEqual({ state: 'WITHDRAWN', events: 5, last: 'WITHDRAWN' });
    const closed = await move(owner, employerId, dossier.id, 'AT_SUBMITTED', {
      submissionDate: day(0),
    });
    expect(closed.statusCode).toBe(422);
  });
});
