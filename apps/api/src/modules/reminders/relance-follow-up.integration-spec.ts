import type { TestingModule } from '@nestjs/testing';
import { addDays, parisToday } from '@moisson/domain';
import { Queue } from 'bullmq';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  uniqueEmail,
} from '../../../test/fixtures';
import {
  CaughtMail,
  insertWaitingDossier,
  latestDigestTime,
  ManualClock,
  outboxOf,
  sendQueue,
  SmtpCatcher,
  startReminderWorker,
  startSmtpCatcher,
  unfinishedJobs,
} from '../../../test/reminder-fixtures';
import { eventually } from '../../../test/test-app';
import { deleteRedisPrefix } from '../../../test/test-database';
import { RelanceService } from './relance.service';
import { ReminderSweepService } from './reminder-sweep.service';

/**
 * The OFII follow-up ("relance") a digest carries: it lists the employer's dossiers waiting at the
 * office when the digest is sent, whatever an earlier digest of the same day prepared, and a digest
 * with overdue convocations never leaves without it. Real PostgreSQL, Redis and SMTP; injected clock.
 */
describe('reminders: the OFII follow-up of each digest', () => {
  const prefix = `${process.env['REDIS_PREFIX']}-relance-follow-up`;
  const redisUrl = process.env['REDIS_URL'] as string;
  const clock = new ManualClock(latestDigestTime());
  const today = parisToday(clock.now());
  let smtp: SmtpCatcher;
  let worker: TestingModule;
  let sweeps: ReminderSweepService;
  let queue: Queue;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    worker = await startReminderWorker(clock, {
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
    });
    sweeps = worker.get(ReminderSweepService);
    queue = sendQueue(redisUrl, prefix);
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await smtp?.close();
    await deleteRedisPrefix(redisUrl, prefix);
    await closeDb();
  });

  async function farm(recipients = 1) {
    const employer = await createEmployer();
    const owners = [];
    for (let i = 0; i < recipients; i++)
      owners.push(
        await createUser({
          role: i === 0 ? 'employer_owner' : 'employer_member',
          employerId: employer.id,
          email: uniqueEmail(`farm${i}`),
        }),
      );
    return { employer, owner: owners[0], owners };
  }

  const waiting = (employerId: string, surname: string, daysAgo = 40) =>
    insertWaitingDossier(employerId, {
      transmittedOn: addDays(today, -daysAgo),
      surname,
    });

  const drained = () =>
    eventually(async () => (await unfinishedJobs(queue)) === 0, 30000);

  /** The `n`-th e-mail to `address` (1-based), once it arrived. */
  const nthMail = (address: string, n: number) =>
    eventually(async () => {
      const m = smtp.to(address);
      return m.length >= n && m[n - 1];
    }, 30000);

  const tokenOf = (mail: CaughtMail) =>
    /\/relance\/([0-9a-f-]{36}_[\w-]+)/.exec(mail.text)?.[1];

  const relanceDossiers = async (token: string) =>
    (await worker.get(RelanceService).view(token, clock.now())).workers
      .map((w) => w.dossierId)
      .sort();

  it('gives a second digest of the day a new follow-up listing every dossier waiting now, when the first one was confirmed', async () => {
    const { employer, owner } = await farm();
    const first = await waiting(employer.id, 'AMRANI');
    await sweeps.run();
    await drained();
    const mail1 = await nthMail(owner.email, 1);
    const token1 = tokenOf(mail1) as string;
    expect(await relanceDossiers(token1)).toEqual([first.dossierId]);
    await worker
      .get(RelanceService)
      .confirm(token1, { id: owner.id, name: 'Owner' }, clock.now());

    // Later the same day, a newly hired worker is overdue too: a second digest leaves.
    const second = await waiting(employer.id, 'BERRADA', 35);
    await sweeps.run(undefined, { sendDigestsNow: true });
    await drained();
    const mail2 = await nthMail(owner.email, 2);
    expect(mail2.text).toContain('BERRADA');
    const token2 = tokenOf(mail2) as string;
    expect(token2).toBeDefined();
    expect(token2).not.toBe(token1);
    // Both still wait at OFII Casablanca: the new follow-up lists both, unconfirmed.
    expect(await relanceDossiers(token2)).toEqual(
      [first.dossierId, second.dossierId].sort(),
    );
    const view2 = await worker.get(RelanceService).view(token2, clock.now());
    expect(view2.confirmedAt).toBeNull();
    expect(mail2.text).toContain(first.passportNumber);
    expect(mail2.text).toContain(second.passportNumber);
  });

  it('prepares a new follow-up when the unconfirmed one of the day lists other dossiers, and shares one follow-up among the recipients of a digest', async () => {
    const { employer, owners } = await farm(2);
    const first = await waiting(employer.id, 'CHAFIK');
    await sweeps.run();
    await drained();
    const [a1, b1] = await Promise.all(owners.map((o) => nthMail(o.email, 1)));
    // Every recipient of the same digest gets the same follow-up and link.
    expect(tokenOf(a1)).toBe(tokenOf(b1));
    const token1 = tokenOf(a1) as string;

    const second = await waiting(employer.id, 'DRISSI', 33);
    await sweeps.run(undefined, { sendDigestsNow: true });
    await drained();
    const [a2, b2] = await Promise.all(owners.map((o) => nthMail(o.email, 2)));
    expect(tokenOf(a2)).toBe(tokenOf(b2));
    const token2 = tokenOf(a2) as string;
    expect(token2).not.toBe(token1);
    expect(await relanceDossiers(token2)).toEqual(
      [first.dossierId, second.dossierId].sort(),
    );
    // The first link still lists what the first e-mail said.
    expect(await relanceDossiers(token1)).toEqual([first.dossierId]);
  });

  it('keeps the follow-up when the threshold was raised between the sweep and the sending', async () => {
    const { employer, owner } = await farm();
    const dossier = await waiting(employer.id, 'ELALAMI', 40);
    const seven = clock.now();
    clock.at = new Date(seven.getTime() + 3 * 3600_000); // 10:00: kept for tomorrow 07:00
    try {
      expect((await sweeps.run()).written).toBe(1);
      // The owner then moves the first follow-up to 60 days; a firm admin sends the digests now.
      // The digest still lists the dossier as overdue: it must carry its follow-up.
      await (
        await db()
      ).query(
        `INSERT INTO reminder_settings (employer_id, convocation_overdue_days, convocation_repeat_days, language)
         VALUES ($1, 60, 14, 'fr')`,
        [employer.id],
      );
      await sweeps.run(undefined, { sendDigestsNow: true });
      const mail = await nthMail(owner.email, 1);
      expect(mail.text).toContain('ELALAMI');
      expect(mail.text).toMatch(/Madame, Monsieur/);
      expect(mail.text).toContain(dossier.passportNumber);
      expect(await relanceDossiers(tokenOf(mail) as string)).toEqual([
        dossier.dossierId,
      ]);
    } finally {
      clock.at = seven;
      // Tomorrow's digest job (nothing left to send) would wait 21 hours: drop it.
      for (const job of await queue.getDelayed()) await job.remove();
    }
  });

  it("addresses the follow-up to the office recorded at transmission when the dossier's office was cleared since", async () => {
    const { employer, owner } = await farm();
    const dossier = await waiting(employer.id, 'GHALI');
    await (
      await db()
    ).query(`UPDATE dossier SET ofii_office = NULL WHERE id = $1`, [
      dossier.dossierId,
    ]);
    await sweeps.run();
    const mail = await nthMail(owner.email, 1);
    await drained();
    expect(mail.text).toContain('OFII Casablanca');
    expect(mail.text).toContain(dossier.passportNumber);
    expect(await relanceDossiers(tokenOf(mail) as string)).toEqual([
      dossier.dossierId,
    ]);
  });

  it('fails and retries the send when the follow-up cannot be prepared, and never sends the digest without it', async () => {
    const { employer, owner } = await farm();
    const dossier = await waiting(employer.id, 'FASSI');
    const source = await db();
    // The first two preparations of this employer's follow-up fail (a sequence is not rolled back).
    await source.query(`CREATE SEQUENCE IF NOT EXISTS test_relance_failures`);
    await source.query(`
      CREATE OR REPLACE FUNCTION test_relance_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.employer_id = '${employer.id}' AND nextval('test_relance_failures') <= 2 THEN
          RAISE EXCEPTION 'simulated failure preparing the follow-up';
        END IF;
        RETURN NEW;
      END $$`);
    await source.query(
      `CREATE TRIGGER test_relance_fail BEFORE INSERT ON reminder_relance
       FOR EACH ROW EXECUTE FUNCTION test_relance_fail()`,
    );
    try {
      await sweeps.run();
      const mail = await nthMail(owner.email, 1);
      await drained();
      expect(smtp.to(owner.email)).toHaveLength(1);
      expect(mail.text).toContain('FASSI');
      expect(mail.text).toContain(dossier.passportNumber);
      expect(tokenOf(mail)).toBeDefined();
      const rows = await outboxOf([owner.email]);
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([['sent', 3]]);
    } finally {
      await source.query(
        `DROP TRIGGER IF EXISTS test_relance_fail ON reminder_relance`,
      );
      await source.query(`DROP FUNCTION IF EXISTS test_relance_fail()`);
      await source.query(`DROP SEQUENCE IF EXISTS test_relance_failures`);
    }
  }, 60000);
});
