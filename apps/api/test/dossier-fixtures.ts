import { randomInt } from 'node:crypto';
import type {
  CreateDossierRequest,
  CreateWorkerRequest,
  DossierDetail,
  WorkerResponse,
} from '@moisson/contract';
import { addDays, parisToday } from '@moisson/domain';
import { db, TestClient } from './fixtures';

/** Today in Europe/Paris, as the API computes it. */
export function today(): string {
  return parisToday(new Date());
}

/** `days` from today (negative: in the past). */
export function day(days: number): string {
  return addDays(today(), days);
}

/** A passport number nobody else in this run has (two letters, seven digits, as in Morocco). */
export function randomPassport(): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return (
    letters[randomInt(letters.length)] +
    letters[randomInt(letters.length)] +
    String(randomInt(10_000_000)).padStart(7, '0')
  );
}

export function workerInput(
  overrides: Partial<CreateWorkerRequest> = {},
): CreateWorkerRequest {
  return {
    surname: 'El Amrani',
    givenNames: 'Youssef',
    birthDate: '1991-03-14',
    nationality: 'MA',
    passportNumber: randomPassport(),
    passportExpiry: day(3 * 365),
    phone: '+212 6 61 23 45 78',
    preferredLanguage: 'ar',
    ...overrides,
  };
}

export function dossierInput(
  workerId: string,
  overrides: Partial<CreateDossierRequest> = {},
): CreateDossierRequest {
  return {
    workerId,
    jobTitle: 'Ouvrier viticole',
    contractType: 'seasonal',
    plannedStart: day(120),
    plannedEnd: day(180),
    ...overrides,
  };
}

export async function createWorker(
  client: TestClient,
  employerId: string,
  overrides: Partial<CreateWorkerRequest> = {},
): Promise<WorkerResponse> {
  const res = await client.post(
    `/api/employers/${employerId}/workers`,
    workerInput(overrides),
  );
  if (res.statusCode !== 201)
    throw new Error(`createWorker: ${res.statusCode} ${res.body}`);
  return res.json<WorkerResponse>();
}

/** A new worker and their dossier (DRAFT). */
export async function createDossier(
  client: TestClient,
  employerId: string,
  overrides: Partial<CreateDossierRequest> = {},
  worker: Partial<CreateWorkerRequest> = {},
): Promise<DossierDetail> {
  const w = await createWorker(client, employerId, worker);
  const res = await client.post(
    `/api/employers/${employerId}/dossiers`,
    dossierInput(w.id, overrides),
  );
  if (res.statusCode !== 201)
    throw new Error(`createDossier: ${res.statusCode} ${res.body}`);
  return res.json<DossierDetail>();
}

export function move(
  client: TestClient,
  employerId: string,
  dossierId: string,
  to: string,
  data: Record<string, unknown> = {},
) {
  return client.post(
    `/api/employers/${employerId}/dossiers/${dossierId}/transitions`,
    { to, data },
  );
}

/** Moves a dossier through `steps`, failing loudly at the first refusal. */
export async function moveAll(
  client: TestClient,
  employerId: string,
  dossierId: string,
  steps: Array<[string, Record<string, unknown>]>,
): Promise<DossierDetail> {
  let last: DossierDetail | undefined;
  for (const [to, data] of steps) {
    const res = await move(client, employerId, dossierId, to, data);
    if (res.statusCode !== 201)
      throw new Error(`move to ${to}: ${res.statusCode} ${res.body}`);
    last = res.json<DossierDetail>();
  }
  if (!last) throw new Error('moveAll needs at least one step');
  return last;
}

/** DRAFT -> AT_SUBMITTED -> AT_GRANTED -> AWAITING_OFII, sent to OFII `transmittedDaysAgo` days ago. */
export function toAwaitingOfii(
  transmittedDaysAgo: number,
  office = 'Casablanca',
): Array<[string, Record<string, unknown>]> {
  return [
    ['AT_SUBMITTED', { submissionDate: day(-transmittedDaysAgo - 20) }],
    [
      'AT_GRANTED',
      {
        permitNumber: `AT-47-${randomInt(100000)}`,
        grantDate: day(-transmittedDaysAgo - 10),
        validUntil: day(300),
      },
    ],
    [
      'AWAITING_OFII',
      { transmissionDate: day(-transmittedDaysAgo), ofiiOffice: office },
    ],
  ];
}

/** Rows of one employer in each dossier table: a refused request must leave them unchanged. */
export async function rowCounts(
  employerId: string,
): Promise<Record<string, number>> {
  const source = await db();
  const counts: Record<string, number> = {};
  for (const table of ['worker', 'campaign', 'dossier', 'dossier_event']) {
    const [row] = await source.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE employer_id = $1`,
      [employerId],
    );
    counts[table] = row.n;
  }
  const [state] = await source.query(
    `SELECT coalesce(string_agg(state || ':' || updated_at::text, ',' ORDER BY id), '') AS s FROM dossier WHERE employer_id = $1`,
    [employerId],
  );
  counts['dossierStatesHash'] = hash(state.s);
  const [workers] = await source.query(
    `SELECT coalesce(string_agg(updated_at::text, ',' ORDER BY id), '') AS s FROM worker WHERE employer_id = $1`,
    [employerId],
  );
  counts['workersHash'] = hash(workers.s);
  return counts;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
