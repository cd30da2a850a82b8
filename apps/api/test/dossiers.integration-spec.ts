import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiErrorBody,
  CampaignResponse,
  DossierDetail,
} from '@moisson/contract';
import { AuditEventEntity } from '../src/modules/audit/entities/audit-event.entity';
import {
  createDossier,
  createWorker,
  day,
  dossierInput,
  moveAll,
  rowCounts,
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
let otherEmployerId: string;
let owner: TestClient;
let other: TestClient;
let campaign2027: CampaignResponse;

beforeAll(async () => {
  app = await createTestApp();
  employerId = (await createEmployer('Vignobles des Dossiers')).id;
  otherEmployerId = (await createEmployer('Vergers voisins')).id;
  owner = await signedInClient(
    app,
    await createUser({ locale: 'en', role: 'employer_owner', employerId }),
  );
  other = await signedInClient(
    app,
    await createUser({
      locale: 'en',
      role: 'employer_owner',
      employerId: otherEmployerId,
    }),
  );
  campaign2027 = (
    await owner.post(`/api/employers/${employerId}/campaigns`, {
      name: 'Vendanges 2027',
      season: 2027,
    })
  ).json<CampaignResponse>();
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

const url = (path = '') => `/api/employers/${employerId}/dossiers${path}`;

async function refusedWithoutWrites(
  send: () => Promise<{ statusCode: number; json<T>(): T }>,
  status: number,
): Promise<ApiErrorBody> {
  const before = await rowCounts(employerId);
  const res = await send();
  expect(res.statusCode).toBe(status);
  expect(await rowCounts(employerId)).toEqual(before);
  return res.json<ApiErrorBody>();
}

describe('creating a dossier', () => {
  it('starts in DRAFT with its first timeline event, the employer offices and what may come next', async () => {
    const worker = await createWorker(owner, employerId);
    const res = await owner.post(
      url(),
      dossierInput(worker.id, {
        campaignId: campaign2027.id,
        plannedStart: '2027-08-25',
        plannedEnd: '2027-10-31',
      }),
    );
    expect(res.statusCode).toBe(201);
    const dossier = res.json<DossierDetail>();
    expect(dossier).toMatchObject({
      employerId,
      state: 'DRAFT',
      stage: 'preparation',
      season: 2027,
      campaign: { id: campaign2027.id, name: 'Vendanges 2027' },
      contractType: 'seasonal',
      shortageOccupation: true,
      plannedStart: '2027-08-25',
      plannedEnd: '2027-10-31',
      ofiiOffice: 'casablanca',
      consulate: 'casablanca',
      permitNumber: null,
      allowedNextStates: ['OFFER_PUBLISHED', 'AT_SUBMITTED', 'WITHDRAWN'],
      deadlines: [],
      legalDeadline: null,
      convocationOverdue: false,
      deadlineNotice: {
        fr: 'calculée - à vérifier par le cabinet',
        en: 'computed - to be checked by the firm',
      },
    });
    expect(dossier.worker.passportNumber).toBe(worker.passportNumber);
    expect(dossier.nextStep?.expectedStates).toEqual([
      'OFFER_PUBLISHED',
      'AT_SUBMITTED',
    ]);
    expect(dossier.timeline).toEqual([
      expect.objectContaining({
        kind: 'transition',
        fromState: null,
        toState: 'DRAFT',
        actor: { id: expect.any(String), name: 'Test employer_owner' },
      }),
    ]);
  });

  it('takes the season from the planned start when there is no campaign, and shortage false hides the shortcut', async () => {
    const dossier = await createDossier(owner, employerId, {
      plannedStart: '2028-03-01',
      plannedEnd: '2028-06-30',
      shortageOccupation: false,
      ofiiOffice: ' Tunis ',
      consulate: null,
    });
    expect(dossier).toMatchObject({
      season: 2028,
      campaign: null,
      ofiiOffice: 'tunis',
      consulate: null,
      allowedNextStates: ['OFFER_PUBLISHED', 'WITHDRAWN'],
    });
  });

  it('warns when the passport will not last 3 months after the planned stay', async () => {
    const dossier = await createDossier(
      owner,
      employerId,
      { plannedStart: day(30), plannedEnd: day(120) },
      { passportExpiry: day(150) },
    );
    expect(dossier.warnings.map((w) => w.code)).toEqual([
      'PASSPORT_EXPIRES_TOO_SOON',
    ]);
  });

  it('writes each read of the detail (full passport number) to the audit log', async () => {
    const dossier = await createDossier(owner, employerId);
    expect((await owner.get(url(`/${dossier.id}`))).statusCode).toBe(200);
    const reads = await (await db()).getRepository(AuditEventEntity).find({
      where: { action: 'passport_number.read', targetId: dossier.worker.id },
    });
    expect(reads.map((r) => r.details['via'])).toEqual([
      'worker.created',
      'dossier.detail',
      'dossier.detail',
    ]);
  });

  describe('bad input: a 4xx naming the problem, and nothing written', () => {
    it('end before start (422)', async () => {
      const worker = await createWorker(owner, employerId);
      const body = await refusedWithoutWrites(
        () =>
          owner.post(
            url(),
            dossierInput(worker.id, {
              plannedStart: '2027-09-01',
              plannedEnd: '2027-08-31',
            }),
          ),
        422,
      );
      expect(body.message).toBe(
        'plannedEnd (31/08/2027) is before plannedStart (01/09/2027): the end must be on or after the start.',
      );
      expect(body.details?.[0]?.field).toBe('plannedEnd');
    });

    it('a seasonal contract over 6 months (422)', async () => {
      const worker = await createWorker(owner, employerId);
      const body = await refusedWithoutWrites(
        () =>
          owner.post(
            url(),
            dossierInput(worker.id, {
              plannedStart: '2027-03-01',
              plannedEnd: '2027-09-02',
            }),
          ),
        422,
      );
      expect(body.message).toMatch(
        /at most 6 months, so it must end on 01\/09\/2027 at the latest/,
      );
    });

    it('an impossible date and unknown fields (400)', async () => {
      const worker = await createWorker(owner, employerId);
      const body = await refusedWithoutWrites(
        () =>
          owner.post(url(), {
            ...dossierInput(worker.id, { plannedStart: '2027-02-30' }),
            state: 'VISA_ISSUED',
          }),
        400,
      );
      expect(body.details).toEqual(
        expect.arrayContaining([
          {
            field: 'plannedStart',
            message:
              'plannedStart must be a real date as YYYY-MM-DD: day 30 does not exist in February 2027 (28 days)',
          },
          { field: 'state', message: 'Unknown field "state": remove it.' },
        ]),
      );
    });

    it("another employer's worker or campaign (404 naming the field)", async () => {
      const theirWorker = await createWorker(other, otherEmployerId);
      const theirCampaign = (
        await other.post(`/api/employers/${otherEmployerId}/campaigns`, {
          name: 'Récolte 2027',
          season: 2027,
        })
      ).json<CampaignResponse>();
      const before = await rowCounts(otherEmployerId);
      const byWorker = await refusedWithoutWrites(
        () => owner.post(url(), dossierInput(theirWorker.id)),
        404,
      );
      expect(byWorker.details).toEqual([
        {
          field: 'workerId',
          message: 'No worker with this id at this employer.',
        },
      ]);
      const mine = await createWorker(owner, employerId);
      const byCampaign = await refusedWithoutWrites(
        () =>
          owner.post(
            url(),
            dossierInput(mine.id, { campaignId: theirCampaign.id }),
          ),
        404,
      );
      expect(byCampaign.details?.[0]?.field).toBe('campaignId');
      expect(await rowCounts(otherEmployerId)).toEqual(before);
    });

    it('a campaign of another season (422) and a second dossier for the same season (409)', async () => {
      const worker = await createWorker(owner, employerId);
      const wrongSeason = await refusedWithoutWrites(
        () =>
          owner.post(
            url(),
            dossierInput(worker.id, {
              campaignId: campaign2027.id,
              season: 2028,
              plannedStart: '2028-08-25',
              plannedEnd: '2028-10-01',
            }),
          ),
        422,
      );
      expect(wrongSeason.message).toMatch(
        /"Vendanges 2027" is for season 2027, not 2028/,
      );
      const first = await owner.post(
        url(),
        dossierInput(worker.id, { season: 2029 }),
      );
      expect(first.statusCode).toBe(201);
      const again = await refusedWithoutWrites(
        () => owner.post(url(), dossierInput(worker.id, { season: 2029 })),
        409,
      );
      expect(again.message).toMatch(/already has a dossier for season 2029/);
    });
  });
});

describe('changing a dossier', () => {
  it('corrects planning fields and writes each change to the timeline as an edit', async () => {
    const dossier = await createDossier(owner, employerId, {
      plannedStart: '2027-08-25',
      plannedEnd: '2027-10-31',
    });
    const res = await owner.patch(url(`/${dossier.id}`), {
      jobTitle: 'Chef de rang',
      plannedEnd: '2027-10-15',
      consulate: 'Fès',
      campaignId: campaign2027.id,
    });
    expect(res.statusCode).toBe(200);
    const changed = res.json<DossierDetail>();
    expect(changed).toMatchObject({
      jobTitle: 'Chef de rang',
      plannedEnd: '2027-10-15',
      consulate: 'fes',
      campaign: { id: campaign2027.id },
    });
    expect(changed.timeline.map((e) => e.kind)).toEqual(['transition', 'edit']);
    expect(changed.timeline[1].data).toEqual({
      changes: {
        campaignId: { from: null, to: campaign2027.id },
        jobTitle: { from: 'Ouvrier viticole', to: 'Chef de rang' },
        plannedEnd: { from: '2027-10-31', to: '2027-10-15' },
        consulate: { from: 'casablanca', to: 'fes' },
      },
    });
  });

  it('refuses an end before the stored start, procedure fields, and nulls where a value is needed', async () => {
    const dossier = await createDossier(owner, employerId, {
      plannedStart: '2027-08-25',
      plannedEnd: '2027-10-31',
    });
    expect(
      (
        await refusedWithoutWrites(
          () =>
            owner.patch(url(`/${dossier.id}`), { plannedEnd: '2027-08-01' }),
          422,
        )
      ).details?.[0]?.field,
    ).toBe('plannedEnd');
    const procedure = await refusedWithoutWrites(
      () =>
        owner.patch(url(`/${dossier.id}`), {
          state: 'AT_GRANTED',
          permitNumber: 'AT-1',
        }),
      400,
    );
    expect(procedure.details?.map((d) => d.field).sort()).toEqual([
      'permitNumber',
      'state',
    ]);
    await refusedWithoutWrites(
      () => owner.patch(url(`/${dossier.id}`), { jobTitle: null }),
      400,
    );
  });
});

describe("a campaign's season", () => {
  it('cannot change once the campaign holds dossiers, which count in its list entry', async () => {
    const campaign = (
      await owner.post(`/api/employers/${employerId}/campaigns`, {
        name: 'Éclaircissage 2027',
        season: 2027,
      })
    ).json<CampaignResponse>();
    await createDossier(owner, employerId, {
      campaignId: campaign.id,
      plannedStart: '2027-04-01',
      plannedEnd: '2027-06-30',
    });
    const body = await refusedWithoutWrites(
      () =>
        owner.patch(`/api/employers/${employerId}/campaigns/${campaign.id}`, {
          season: 2028,
        }),
      422,
    );
    expect(body.message).toBe(
      'season cannot change: the campaign already holds 1 dossier of season 2027.',
    );
    const listed = (
      await owner.get(`/api/employers/${employerId}/campaigns`)
    ).json<CampaignResponse[]>();
    expect(listed.find((c) => c.id === campaign.id)?.dossierCount).toBe(1);
  });
});

describe('re-hiring', () => {
  it("starts next season's DRAFT dossier for the same worker, a year later, linked to the last one", async () => {
    const last = await createDossier(owner, employerId, {
      season: 2026,
      plannedStart: '2026-08-24',
      plannedEnd: '2026-10-20',
      jobTitle: 'Vendangeur',
    });
    await moveAll(owner, employerId, last.id, [
      ['WITHDRAWN', { reason: 'Fin de saison anticipée' }],
    ]);
    const res = await owner.post(url(`/${last.id}/rehire`), {
      campaignId: campaign2027.id,
    });
    expect(res.statusCode).toBe(201);
    const next = res.json<DossierDetail>();
    expect(next).toMatchObject({
      state: 'DRAFT',
      season: 2027,
      jobTitle: 'Vendangeur',
      plannedStart: '2027-08-24',
      plannedEnd: '2027-10-20',
      campaign: { id: campaign2027.id },
    });
    expect(next.worker.id).toBe(last.worker.id);
    expect(next.timeline[0].data).toEqual({
      rehiredFrom: last.id,
      previousSeason: 2026,
    });
    const twice = await refusedWithoutWrites(
      () => owner.post(url(`/${last.id}/rehire`), {}),
      409,
    );
    expect(twice.message).toMatch(/already has a dossier for season 2027/);
  });
});
