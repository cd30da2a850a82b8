import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOSSIER_STAGES, stageOfState } from '@moisson/domain';
import type { DossierState } from '@moisson/domain';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/core/database/data-source';
import { createDocumentStorage } from '../src/core/storage/storage.module';
import { seedDemo } from '../src/database/seeds/seed-demo';
import { DocumentScanner } from '../src/modules/documents/content-check/document-scanner';
import { day } from './dossier-fixtures';
import { testConfig } from './test-app';
import { createDatabase, dropDatabase, uniqueName } from './test-database';

/** `npm start` on an empty database: the demo farms get realistic hires in every stage. */
let dataSource: DataSource;
let storageDir: string;
let config: ReturnType<typeof testConfig>;
const name = uniqueName('moisson_seed');

beforeAll(async () => {
  const url = await createDatabase(name);
  storageDir = await mkdtemp(join(tmpdir(), 'moisson-seed-'));
  config = testConfig({ DATABASE_URL: url, STORAGE_DIR: storageDir });
  dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  expect(await seedDemo(dataSource, config)).not.toBeNull();
}, 60000);

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(name);
  await rm(storageDir, { recursive: true, force: true });
});

interface Row {
  employer: string;
  surname: string;
  nationality: string;
  state: DossierState;
  transmitted_on: string | null;
  legal_deadline_kind: string | null;
  legal_deadline_on: string | null;
  recorded: Record<string, Record<string, unknown>>;
  events: number;
  last_to: string;
}

async function dossiers(): Promise<Row[]> {
  return dataSource.query(`
    SELECT e.legal_name AS employer, w.surname, w.nationality, d.state,
           d.transmitted_on::text, d.legal_deadline_kind, d.legal_deadline_on::text, d.recorded,
           (SELECT count(*)::int FROM dossier_event x WHERE x.dossier_id = d.id) AS events,
           (SELECT x.to_state FROM dossier_event x WHERE x.dossier_id = d.id
             ORDER BY x.at DESC, x.id DESC LIMIT 1) AS last_to
      FROM dossier d JOIN worker w ON w.id = d.worker_id JOIN employer e ON e.id = d.employer_id`);
}

describe('demo data', () => {
  it('has about 30 Moroccan and Tunisian workers across both demo farms', async () => {
    const rows: Array<{ employer: string; nationality: string; n: number }> =
      await dataSource.query(`
        SELECT e.legal_name AS employer, w.nationality, count(*)::int AS n
          FROM worker w JOIN employer e ON e.id = w.employer_id
         GROUP BY 1, 2 ORDER BY 1, 2`);
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(28);
    expect(total).toBeLessThanOrEqual(35);
    expect(new Set(rows.map((r) => r.nationality))).toEqual(
      new Set(['MA', 'TN']),
    );
    expect(new Set(rows.map((r) => r.employer))).toEqual(
      new Set(['Vignobles du Marmandais', 'Vergers de la Durance']),
    );
  });

  it('has dossiers in every stage, each with its timeline ending in its state', async () => {
    const rows = await dossiers();
    expect(new Set(rows.map((r) => stageOfState(r.state)))).toEqual(
      new Set(DOSSIER_STAGES),
    );
    for (const row of rows) {
      expect(row.last_to).toBe(row.state);
      expect(row.events).toBe(1 + Object.keys(row.recorded).length);
    }
  });

  it('shows overdue convocations, a written refusal within its CRRV window and an arrival this month', async () => {
    const rows = await dossiers();
    const overdue = rows.filter(
      (r) =>
        r.state === 'AWAITING_OFII' &&
        r.transmitted_on !== null &&
        r.transmitted_on <= day(-30),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const refusal = rows.find((r) => r.state === 'VISA_REFUSED');
    expect(refusal?.legal_deadline_kind).toBe('crrv_appeal');
    expect(
      refusal?.legal_deadline_on && refusal.legal_deadline_on >= day(0),
    ).toBe(true);
    const arrival = rows.find((r) => r.state === 'ARRIVED');
    expect(arrival?.recorded['ARRIVED']?.['entryDate']).toMatch(
      new RegExp(`^${day(0).slice(0, 7)}-`),
    );
  });

  it('includes a re-hire for next season from a closed dossier', async () => {
    const [row] = await dataSource.query(`
      SELECT count(*)::int AS n FROM dossier_event
       WHERE kind = 'transition' AND to_state = 'DRAFT' AND data ? 'rehiredFrom'`);
    expect(row.n).toBe(1);
  });

  it('has papers for the hires whose work permit is granted: the permit on the dossier, the passport on the worker, real PDFs in the store', async () => {
    const docs: Array<{
      type: string;
      dossier_id: string | null;
      worker_id: string;
      reference: string;
      valid_until: string;
      storage_key: string;
      sha256: string;
      size: number;
      display_name: string;
      uploaded_by_name: string | null;
    }> = await dataSource.query(
      `SELECT type, dossier_id, worker_id, reference, valid_until::text, storage_key, sha256, size,
              display_name, uploaded_by_name FROM document`,
    );
    const permits: Array<{
      id: string;
      permit_number: string;
      worker_id: string;
    }> = await dataSource.query(
      `SELECT id, permit_number, worker_id FROM dossier WHERE permit_number IS NOT NULL`,
    );
    expect(permits.length).toBeGreaterThan(5);
    const workPermits = docs.filter((d) => d.type === 'work_permit');
    expect(workPermits.map((d) => [d.dossier_id, d.reference]).sort()).toEqual(
      permits.map((p) => [p.id, p.permit_number]).sort(),
    );
    const passports = docs.filter((d) => d.type === 'passport');
    expect(passports.every((d) => d.dossier_id === null)).toBe(true);
    expect(new Set(passports.map((d) => d.worker_id))).toEqual(
      new Set(permits.map((p) => p.worker_id)),
    );
    expect(passports).toHaveLength(
      new Set(permits.map((p) => p.worker_id)).size,
    );
    expect(docs.every((d) => d.uploaded_by_name)).toBe(true);
    expect(workPermits[0].display_name).toMatch(
      /^Autorisation de travail - .+\.pdf$/,
    );

    // Each file is in the store with the recorded size and hash, and passes the upload check.
    const storage = createDocumentStorage(config);
    for (const d of docs) {
      const chunks: Buffer[] = [];
      for await (const chunk of await storage.stream(d.storage_key))
        chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      expect(bytes.length).toBe(d.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.sha256);
      const scanner = new DocumentScanner(5 * 1024 * 1024);
      scanner.feed(bytes);
      expect(scanner.finish().format).toBe('pdf');
      expect(bytes.toString('latin1')).toContain(d.reference);
    }
  });
});
