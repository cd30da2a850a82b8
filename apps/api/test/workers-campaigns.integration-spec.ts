import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiErrorBody,
  CampaignResponse,
  Page,
  WorkerListItem,
  WorkerResponse,
} from '@moisson/contract';
import { AuditEventEntity } from '../src/modules/audit/entities/audit-event.entity';
import {
  createWorker,
  day,
  randomPassport,
  rowCounts,
  workerInput,
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
let member: TestClient;
let staff: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  const employer = await createEmployer('Vignobles des Workers');
  employerId = employer.id;
  owner = await signedInClient(
    app,
    await createUser({ locale: 'en', role: 'employer_owner', employerId }),
  );
  member = await signedInClient(
    app,
    await createUser({ locale: 'en', role: 'employer_member', employerId }),
  );
  staff = await signedInClient(
    app,
    await createUser({ locale: 'en', role: 'firm_staff' }),
  );
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

const workersUrl = () => `/api/employers/${employerId}/workers`;
const campaignsUrl = () => `/api/employers/${employerId}/campaigns`;

async function passportReads(workerId: string): Promise<AuditEventEntity[]> {
  return (await db()).getRepository(AuditEventEntity).find({
    where: { action: 'passport_number.read', targetId: workerId },
    order: { id: 'ASC' },
  });
}

/** Sends a refused request and checks that it wrote nothing. */
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

describe('workers', () => {
  it('registers a worker: names trimmed, passport upper-cased without spaces, language fr by default', async () => {
    const res = await member.post(workersUrl(), {
      ...workerInput({ passportNumber: ' bk 482-9173 ' }),
      surname: '  Ben   Salah ',
      nationality: 'tn',
      preferredLanguage: undefined,
    });
    expect(res.statusCode).toBe(201);
    const worker = res.json<WorkerResponse>();
    expect(worker).toMatchObject({
      employerId,
      surname: 'Ben Salah',
      nationality: 'TN',
      passportNumber: 'BK4829173',
      preferredLanguage: 'fr',
      birthDate: '1991-03-14',
    });
    expect(worker.passportExpiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the full passport number in the detail and writes every such read to the audit log', async () => {
    const created = await createWorker(owner, employerId);
    expect(created.passportNumber).toMatch(/^[A-Z]{2}\d{7}$/);
    const res = await staff.get(`${workersUrl()}/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkerResponse>().passportNumber).toBe(
      created.passportNumber,
    );
    const reads = await passportReads(created.id);
    expect(reads.map((r) => r.details['via'])).toEqual([
      'worker.created',
      'worker.detail',
    ]);
    expect(reads[1]).toMatchObject({
      employerId,
      targetType: 'worker',
      details: { workerId: created.id, via: 'worker.detail' },
    });
  });

  it('lists workers with masked passport numbers, while q still finds the full number', async () => {
    const passportNumber = randomPassport();
    const w = await createWorker(owner, employerId, {
      surname: 'Ouazzani',
      givenNames: 'Rachid',
      passportNumber,
    });
    const byName = (
      await owner.get(`${workersUrl()}?q=${encodeURIComponent('rachid ouazz')}`)
    ).json<Page<WorkerListItem>>();
    expect(byName.items.map((i) => i.id)).toEqual([w.id]);
    const item = byName.items[0] as WorkerListItem & {
      passportNumber?: string;
    };
    expect(item.passportNumberMasked).toBe(
      '•'.repeat(passportNumber.length - 3) + passportNumber.slice(-3),
    );
    expect(item.passportNumber).toBeUndefined();
    const listBody = (await owner.get(workersUrl())).body;
    expect(listBody).not.toContain(passportNumber);

    const spaced = `${passportNumber.slice(0, 2).toLowerCase()} ${passportNumber.slice(2)}`;
    const byPassport = (
      await owner.get(`${workersUrl()}?q=${encodeURIComponent(spaced)}`)
    ).json<Page<WorkerListItem>>();
    expect(byPassport.items.map((i) => i.id)).toEqual([w.id]);
    // a piece of the number does not match: it would reveal the number without an audited read
    const partial = (
      await owner.get(`${workersUrl()}?q=${passportNumber.slice(2, 7)}`)
    ).json<Page<WorkerListItem>>();
    expect(partial.items.map((i) => i.id)).not.toContain(w.id);
  });

  it('pages through the list by surname with a keyset cursor', async () => {
    const employer = await createEmployer();
    const client = await signedInClient(
      app,
      await createUser({
        locale: 'en',
        role: 'employer_owner',
        employerId: employer.id,
      }),
    );
    for (const surname of ['Chraibi', 'Alaoui', 'Bennani', 'Idrissi', 'Fassi'])
      await createWorker(client, employer.id, { surname });
    const url = `/api/employers/${employer.id}/workers?limit=2`;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<WorkerListItem> = (
        await client.get(cursor ? `${url}&cursor=${cursor}` : url)
      ).json();
      seen.push(...page.items.map((w) => w.surname));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Alaoui', 'Bennani', 'Chraibi', 'Fassi', 'Idrissi']);
    const bad = await client.get(`${url}&cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
  });

  it('changes a worker, and refuses a passport number another worker has (409)', async () => {
    const a = await createWorker(owner, employerId);
    const b = await createWorker(owner, employerId);
    const res = await owner.patch(`${workersUrl()}/${a.id}`, {
      phone: null,
      email: 'Youssef.ElAmrani@Example.ma',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkerResponse>()).toMatchObject({
      phone: null,
      email: 'youssef.elamrani@example.ma',
    });
    const body = await refusedWithoutWrites(
      () =>
        owner.patch(`${workersUrl()}/${a.id}`, {
          passportNumber: b.passportNumber,
        }),
      409,
    );
    expect(body.message).toContain(b.passportNumber);
    expect(body.details?.[0]?.field).toBe('passportNumber');
  });

  describe('bad input: a 4xx naming the problem, and nothing written', () => {
    it('the same passport twice at one employer (409)', async () => {
      const w = await createWorker(owner, employerId);
      const body = await refusedWithoutWrites(
        () =>
          owner.post(
            workersUrl(),
            workerInput({ passportNumber: w.passportNumber.toLowerCase() }),
          ),
        409,
      );
      expect(body.code).toBe('CONFLICT');
      expect(body.message).toMatch(/already registered/);
    });

    it('unknown fields (400)', async () => {
      const body = await refusedWithoutWrites(
        () => owner.post(workersUrl(), { ...workerInput(), isAdmin: true }),
        400,
      );
      expect(body.details).toEqual(
        expect.arrayContaining([
          { field: 'isAdmin', message: 'Unknown field "isAdmin": remove it.' },
        ]),
      );
    });

    it('an impossible date (400), naming the field and the reason', async () => {
      const body = await refusedWithoutWrites(
        () =>
          owner.post(workersUrl(), workerInput({ birthDate: '1991-02-30' })),
        400,
      );
      expect(body.details).toEqual([
        {
          field: 'birthDate',
          message:
            'birthDate must be a real date as YYYY-MM-DD: day 30 does not exist in February 1991 (28 days)',
        },
      ]);
    });

    it('the same refusals in French for a French-speaking user', async () => {
      const french = await signedInClient(
        app,
        await createUser({ role: 'employer_member', employerId }),
      );
      const date = await refusedWithoutWrites(
        () =>
          french.post(workersUrl(), workerInput({ birthDate: '1991-02-30' })),
        400,
      );
      expect(date).toMatchObject({
        code: 'VALIDATION_FAILED',
        message:
          'La requête contient 1 champ invalide (date de naissance) : corrigez-le puis renvoyez-la.',
        details: [
          {
            field: 'birthDate',
            message:
              "Date de naissance : saisissez une date réelle au format AAAA-MM-JJ : le 30 n'existe pas en février 1991 (28 jours).",
          },
        ],
      });
      const expired = await refusedWithoutWrites(
        () =>
          french.post(workersUrl(), workerInput({ passportExpiry: day(-1) })),
        422,
      );
      expect(expired.message).toMatch(
        /^Date d'expiration du passeport : ce passeport a expiré le \d\d\/\d\d\/\d{4}, saisissez le passeport en cours de validité du salarié\.$/,
      );
      expect(expired.details).toEqual([
        { field: 'passportExpiry', message: 'Le passeport a déjà expiré.' },
      ]);
    });

    it('a passport already expired (422)', async () => {
      const body = await refusedWithoutWrites(
        () =>
          owner.post(workersUrl(), workerInput({ passportExpiry: day(-1) })),
        422,
      );
      expect(body.code).toBe('UNPROCESSABLE');
      expect(body.message).toMatch(/passportExpiry: this passport expired on/);
      expect(body.details?.[0]?.field).toBe('passportExpiry');
    });

    it('a birth date in the future, a bad country, a bad passport, a null surname', async () => {
      expect(
        (
          await refusedWithoutWrites(
            () => owner.post(workersUrl(), workerInput({ birthDate: day(10) })),
            422,
          )
        ).details?.[0]?.field,
      ).toBe('birthDate');
      const body = await refusedWithoutWrites(
        () =>
          owner.post(
            workersUrl(),
            workerInput({ nationality: 'XX', passportNumber: 'A/1' }),
          ),
        400,
      );
      expect(body.details?.map((d) => d.field).sort()).toEqual([
        'nationality',
        'passportNumber',
      ]);
      const w = await createWorker(owner, employerId);
      expect(
        (
          await refusedWithoutWrites(
            () => owner.patch(`${workersUrl()}/${w.id}`, { surname: null }),
            400,
          )
        ).details?.[0]?.field,
      ).toBe('surname');
    });

    it('an unknown worker id (404)', async () => {
      const res = await owner.get(
        `${workersUrl()}/00000000-0000-4000-8000-000000000000`,
      );
      expect(res.statusCode).toBe(404);
    });
  });
});

describe('campaigns', () => {
  it('creates, lists (latest season first, with dossier counts), reads and renames a campaign', async () => {
    const res = await owner.post(campaignsUrl(), {
      name: ' Vendanges  2027 ',
      season: 2027,
      notes: 'Vendanges manuelles',
    });
    expect(res.statusCode).toBe(201);
    const campaign = res.json<CampaignResponse>();
    expect(campaign).toMatchObject({
      employerId,
      name: 'Vendanges 2027',
      season: 2027,
      dossierCount: 0,
    });
    await owner.post(campaignsUrl(), { name: 'Taille 2026', season: 2026 });
    const list = (await member.get(campaignsUrl())).json<CampaignResponse[]>();
    expect(list.map((c) => c.name)).toEqual(['Vendanges 2027', 'Taille 2026']);
    expect(
      (
        await staff.get(`${campaignsUrl()}/${campaign.id}`)
      ).json<CampaignResponse>().name,
    ).toBe('Vendanges 2027');
    const renamed = await member.patch(`${campaignsUrl()}/${campaign.id}`, {
      name: 'Vendanges manuelles 2027',
      notes: null,
    });
    expect(renamed.json<CampaignResponse>()).toMatchObject({
      name: 'Vendanges manuelles 2027',
      notes: null,
    });
  });

  it('refuses a duplicate name (409), a bad season (400) and unknown fields (400), writing nothing', async () => {
    await owner.post(campaignsUrl(), { name: 'Cueillette 2027', season: 2027 });
    expect(
      (
        await refusedWithoutWrites(
          () =>
            owner.post(campaignsUrl(), {
              name: 'Cueillette 2027',
              season: 2028,
            }),
          409,
        )
      ).message,
    ).toMatch(/"Cueillette 2027" already exists/);
    expect(
      (
        await refusedWithoutWrites(
          () => owner.post(campaignsUrl(), { name: 'X', season: 27 }),
          400,
        )
      ).details?.[0],
    ).toEqual({
      field: 'season',
      message: 'season must be a year between 2000 and 2100',
    });
    await refusedWithoutWrites(
      () =>
        owner.post(campaignsUrl(), { name: 'Y', season: 2027, colour: 'red' }),
      400,
    );
  });
});
