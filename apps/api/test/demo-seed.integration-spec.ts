import { DOSSIER_STAGES, stageOfState } from '@moisson/domain';
import type { DossierState } from '@moisson/domain';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/core/database/data-source';
import { seedDemo } from '../src/database/seeds/seed-demo';
import { day } from './dossier-fixtures';
import { testConfig } from './test-app';
import { createDatabase, dropDatabase, uniqueName } from './test-database';

/** `npm start` on an empty database: the demo farms get realistic hires in every stage. */
let dataSource: DataSource;
const name = uniqueName('moisson_seed');

beforeAll(async () => {
  const url = await createDatabase(name);
  const config = testConfig({ DATABASE_URL: url });
  dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  expect(await seedDemo(dataSource, config)).not.toBeNull();
}, 60000);

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(name);
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
});
