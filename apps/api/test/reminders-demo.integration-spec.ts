import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/core/database/data-source';
import { seedDemo } from '../src/database/seeds/seed-demo';
import { ReminderSweepService } from '../src/modules/reminders/reminder-sweep.service';
import {
  ManualClock,
  SmtpCatcher,
  startReminderWorker,
  startSmtpCatcher,
} from './reminder-fixtures';
import { eventually, testConfig } from './test-app';
import {
  createDatabase,
  deleteRedisPrefix,
  dropDatabase,
  uniqueName,
} from './test-database';

/**
 * What the README promises a person trying `npm start`: on the demo data, a sweep with "send the
 * digests now" puts in the mail inbox the farm's digest with its follow-up to OFII Casablanca.
 */
describe('reminders on the demo data', () => {
  const name = uniqueName('moisson_demo_reminders');
  const prefix = `${process.env['REDIS_PREFIX']}-demo-reminders`;
  let dataSource: DataSource;
  let smtp: SmtpCatcher;
  let worker: TestingModule;
  let storageDir: string;

  beforeAll(async () => {
    const url = await createDatabase(name);
    storageDir = await mkdtemp(join(tmpdir(), 'moisson-demo-reminders-'));
    const config = testConfig({ DATABASE_URL: url, STORAGE_DIR: storageDir });
    dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemo(dataSource, config);
    smtp = await startSmtpCatcher();
    worker = await startReminderWorker(new ManualClock(new Date()), {
      DATABASE_URL: url,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
    });
  }, 60000);

  afterAll(async () => {
    await worker?.close();
    await smtp?.close();
    await dataSource?.destroy();
    await dropDatabase(name);
    await deleteRedisPrefix(process.env['REDIS_URL'] as string, prefix);
    await rm(storageDir, { recursive: true, force: true });
  });

  it("e-mails the farm's owner an overdue-convocation digest with the follow-up to OFII Casablanca, and alerts the firm", async () => {
    const result = await worker
      .get(ReminderSweepService)
      .run(undefined, { sendDigestsNow: true });
    expect(result.written).toBeGreaterThan(0);
    const [digest] = await eventually(async () => {
      const m = smtp.to('jean.dupuis@vignobles-marmandais.fr');
      return m.length > 0 && m;
    }, 20000);
    expect(digest.subject).toMatch(/Vignobles du Marmandais/);
    expect(digest.text).toMatch(/OFII Casablanca/);
    expect(digest.text).toMatch(/Madame, Monsieur/);
    expect(digest.text).toMatch(/\/relance\//);
    // The demo farm's assigned lawyer gets the firm's alerts (long wait, refusals...).
    await eventually(
      async () => smtp.to('juriste@cabinet-demo.fr').length > 0,
      20000,
    );
    // One digest per recipient: urgent alerts aside, nobody gets two digests.
    const rows = await dataSource.query(
      `SELECT recipient, count(DISTINCT message_id) FILTER (WHERE NOT urgent) AS digests
         FROM reminder_outbox GROUP BY recipient`,
    );
    for (const row of rows) expect(Number(row.digests)).toBeLessThanOrEqual(1);
  });
});
