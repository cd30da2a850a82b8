import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  CampaignResponse,
  DossierDetail,
  DossierListItem,
  Page,
} from '@moisson/contract';
import {
  createDossier,
  day,
  moveAll,
  randomPassport,
  toAwaitingOfii,
} from './dossier-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp } from './test-app';

let app: NestFastifyApplication;
let employerId: string;
let owner: TestClient;
let harvest: CampaignResponse;
const d: Record<string, DossierDetail> = {};
const passports: Record<string, string> = {};

/**
 * One employer with five dossiers: Alaoui (DRAFT, harvest), Bennani (AWAITING_OFII 45 days,
 * Casablanca, harvest), Chraibi (AWAITING_OFII 5 days, Tunis), Idrissi (WITHDRAWN), Fassi (DRAFT,
 * planned first).
 */
beforeAll(async () => {
  app = await createTestApp();
  employerId = (await createEmployer('Vignobles des Listes')).id;
  owner = await signedInClient(
    app,
    await createUser({ locale: 'en', role: 'employer_owner', employerId }),
  );
  harvest = (
    await owner.post(`/api/employers/${employerId}/campaigns`, {
      name: 'Vendanges 2027',
      season: 2027,
    })
  ).json<CampaignResponse>();
  const hire = async (
    surname: string,
    givenNames: string,
    plannedStart: string,
    campaign: boolean,
  ) => {
    passports[surname] = randomPassport();
    d[surname] = await createDossier(
      owner,
      employerId,
      {
        plannedStart,
        plannedEnd: '2027-10-31',
        season: 2027,
        campaignId: campaign ? harvest.id : undefined,
      },
      { surname, givenNames, passportNumber: passports[surname] },
    );
  };
  await hire('Alaoui', 'Mustapha', '2027-08-20', true);
  await hire('Bennani', 'Abdelkader', '2027-08-25', true);
  await hire('Chraibi', 'Driss', '2027-08-22', false);
  await hire('Idrissi', 'Saïd', '2027-09-01', false);
  await hire('Fassi', 'Omar', '2027-08-01', false);
  await moveAll(owner, employerId, d['Bennani'].id, toAwaitingOfii(45));
  await moveAll(owner, employerId, d['Chraibi'].id, toAwaitingOfii(5, 'Tunis'));
  await moveAll(owner, employerId, d['Idrissi'].id, [
    ['WITHDRAWN', { reason: 'Renonce' }],
  ]);
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

const base = () => `/api/employers/${employerId}/dossiers`;

/** The exact bytes of a response (app.inject keeps them as rawPayload). */
function bytesOf(res: unknown): Buffer {
  return (res as { rawPayload: Buffer }).rawPayload;
}

async function surnames(query = ''): Promise<string[]> {
  const res = await owner.get(`${base()}?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Page<DossierListItem>>().items.map((i) => i.worker.surname);
}

describe('the dossier list', () => {
  it('sorts by planned start by default, by surname, or newest change first', async () => {
    expect(await surnames()).toEqual([
      'Fassi',
      'Alaoui',
      'Chraibi',
      'Bennani',
      'Idrissi',
    ]);
    expect(await surnames('sort=surname')).toEqual([
      'Alaoui',
      'Bennani',
      'Chraibi',
      'Fassi',
      'Idrissi',
    ]);
    expect((await surnames('sort=updatedAt'))[0]).toBe('Idrissi');
  });

  it('pages with a keyset cursor on every sort, without gaps or repeats', async () => {
    for (const sort of ['plannedStart', 'surname', 'updatedAt']) {
      const all = await surnames(`sort=${sort}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await owner.get(
          `${base()}?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect([sort, res.statusCode]).toEqual([sort, 200]);
        const page = res.json<Page<DossierListItem>>();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.worker.surname));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    }
  });

  it('refuses a cursor of another sort, and unknown query parameters', async () => {
    const first = (await owner.get(`${base()}?limit=1`)).json<
      Page<DossierListItem>
    >();
    const res = await owner.get(
      `${base()}?sort=surname&cursor=${first.nextCursor}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(
      /belongs to the sort "plannedStart"/,
    );
    expect((await owner.get(`${base()}?colour=red`)).statusCode).toBe(400);
    expect(
      (await owner.get(`${base()}?state=ON_HOLD`)).json<{ message: string }>()
        .message,
    ).toMatch(/state/);
    expect((await owner.get(`${base()}?overdue=yes`)).statusCode).toBe(400);
  });

  it('filters by state (one or several), stage, campaign and OFII office', async () => {
    expect(await surnames('state=AWAITING_OFII&sort=surname')).toEqual([
      'Bennani',
      'Chraibi',
    ]);
    expect(await surnames('state=DRAFT,WITHDRAWN&sort=surname')).toEqual([
      'Alaoui',
      'Fassi',
      'Idrissi',
    ]);
    expect(await surnames('stage=ended')).toEqual(['Idrissi']);
    expect(await surnames('stage=ofii&state=DRAFT')).toEqual([]);
    expect(await surnames(`campaignId=${harvest.id}`)).toEqual([
      'Alaoui',
      'Bennani',
    ]);
    expect(await surnames('ofiiOffice=TUNIS')).toEqual(['Chraibi']);
    expect(await surnames('ofiiOffice=casablanca&state=AWAITING_OFII')).toEqual(
      ['Bennani'],
    );
  });

  it('finds convocations overdue (30 days or more in AWAITING_OFII)', async () => {
    expect(await surnames('overdue=true')).toEqual(['Bennani']);
    const [item] = (await owner.get(`${base()}?overdue=true`)).json<
      Page<DossierListItem>
    >().items;
    expect(item).toMatchObject({
      convocationOverdue: true,
      daysWaitingForConvocation: 45,
      stage: 'ofii',
    });
  });

  it('searches worker names (every word, any case) and the full passport number; shows it masked', async () => {
    expect(await surnames('q=omar%20FASSI')).toEqual(['Fassi']);
    expect(await surnames('q=driss')).toEqual(['Chraibi', 'Idrissi']);
    expect(await surnames('q=driss%20chraibi')).toEqual(['Chraibi']);
    expect(
      await surnames(`q=${encodeURIComponent(passports['Bennani'])}`),
    ).toEqual(['Bennani']);
    const body = (await owner.get(`${base()}?q=Bennani`)).body;
    expect(body).not.toContain(passports['Bennani']);
    expect(body).toContain(`••••••${passports['Bennani'].slice(-3)}`);
  });

  it("never lists another employer's dossiers, even those matching the filters", async () => {
    const other = await createEmployer();
    const otherOwner = await signedInClient(
      app,
      await createUser({
        locale: 'en',
        role: 'employer_owner',
        employerId: other.id,
      }),
    );
    const theirs = await createDossier(
      otherOwner,
      other.id,
      { plannedStart: '2027-08-01', plannedEnd: '2027-09-01' },
      { surname: 'Bennani' },
    );
    await moveAll(otherOwner, other.id, theirs.id, toAwaitingOfii(60));
    const ids = (await owner.get(`${base()}?limit=200&q=Bennani&overdue=true`))
      .json<Page<DossierListItem>>()
      .items.map((i) => i.id);
    expect(ids).toEqual([d['Bennani'].id]);
  });
});

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, semicolons, CRLF, a French header and dd/mm/yyyy dates, as an attachment', async () => {
    const res = await owner.get(`${base()}/export.csv?sort=surname`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="dossiers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = bytesOf(res);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(lines[0].split(';').slice(0, 13)).toEqual([
      'Nom',
      'Prénoms',
      'Nationalité',
      'Passeport',
      'Campagne',
      'Saison',
      'Poste',
      'Contrat',
      'Début prévu',
      'Fin prévue',
      'Étape',
      'État',
      'Depuis le',
    ]);
    expect(lines.slice(1, -1).map((l) => l.split(';')[0])).toEqual([
      'Alaoui',
      'Bennani',
      'Chraibi',
      'Fassi',
      'Idrissi',
    ]);
    const bennani = lines[2].split(';');
    expect(bennani.slice(2, 12)).toEqual([
      'MA',
      `••••••${passports['Bennani'].slice(-3)}`,
      'Vendanges 2027',
      '2027',
      'Ouvrier viticole',
      'Saisonnier',
      '25/08/2027',
      '31/10/2027',
      'OFII',
      'Transmis à l’OFII, en attente de convocation',
    ]);
    expect(bennani[16]).toBe('oui');
    expect(bennani[17]).toBe('45');
    expect(text).not.toContain(passports['Bennani']);
    expect(lines[5].split(';')[1]).toBe('Saïd');
  });

  it('applies the same filters as the list', async () => {
    const res = await owner.get(`${base()}/export.csv?overdue=true`);
    const lines = bytesOf(res).toString('utf8').split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith('Bennani;Abdelkader;')).toBe(true);
    expect(
      (await owner.get(`${base()}/export.csv?cursor=abc`)).statusCode,
    ).toBe(400);
  });

  it("writes day, month and year of today's changes", async () => {
    const res = await owner.get(`${base()}/export.csv?state=WITHDRAWN`);
    const row = bytesOf(res).toString('utf8').split('\r\n')[1].split(';');
    const [y, m, dd] = day(0).split('-');
    expect(row[12]).toBe(`${dd}/${m}/${y}`);
  });

  it("lists one worker's dossiers of every season with workerId, only within the employer", async () => {
    const alaoui = d['Alaoui'].worker.id;
    const nextSeason = await owner.post(base(), {
      workerId: alaoui,
      jobTitle: 'Ouvrier viticole',
      contractType: 'seasonal',
      season: 2028,
      plannedStart: '2028-08-20',
      plannedEnd: '2028-10-31',
    });
    expect(nextSeason.statusCode).toBe(201);
    const page = (await owner.get(`${base()}?workerId=${alaoui}`)).json<
      Page<DossierListItem>
    >();
    expect(page.items.map((i) => [i.season, i.worker.id])).toEqual([
      [2027, alaoui],
      [2028, alaoui],
    ]);

    // Another employer's worker: nothing here, as for an unknown id.
    const other = await createEmployer('Vergers des Autres');
    const otherOwner = await signedInClient(
      app,
      await createUser({ role: 'employer_owner', employerId: other.id }),
    );
    const foreign = await createDossier(otherOwner, other.id, {
      plannedStart: '2027-08-01',
      plannedEnd: '2027-10-31',
      season: 2027,
    });
    const none = await owner.get(`${base()}?workerId=${foreign.worker.id}`);
    expect(none.statusCode).toBe(200);
    expect(none.json<Page<DossierListItem>>().items).toEqual([]);

    const bad = await owner.get(`${base()}?workerId=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('workerId must be a worker id');
  });
});
