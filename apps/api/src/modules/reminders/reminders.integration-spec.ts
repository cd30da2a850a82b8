import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import type { RelanceView } from '@moisson/contract';
import { addDays, parisToday } from '@moisson/domain';
import { Queue } from 'bullmq';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  TestClient,
  uniqueEmail,
} from '../../../test/fixtures';
import {
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
import { createTestApp, eventually } from '../../../test/test-app';
import { deleteRedisPrefix } from '../../../test/test-database';
import { ReminderSweepService } from './reminder-sweep.service';

/**
 * The sweep and the sending, in this process, against the real PostgreSQL, Redis and an SMTP server
 * the test starts. Time is the injected clock: 07:00 Paris today, so digests are due at once.
 */
describe('reminders: sweep -> outbox -> Redis -> worker -> SMTP', () => {
  const prefix = `${process.env['REDIS_PREFIX']}-reminders`;
  const redisUrl = process.env['REDIS_URL'] as string;
  const clock = new ManualClock(latestDigestTime());
  const today = parisToday(clock.now());
  const greylisted = uniqueEmail('greylisted');
  let smtp: SmtpCatcher;
  let worker: TestingModule;
  let sweeps: ReminderSweepService;
  let queue: Queue;

  beforeAll(async () => {
    smtp = await startSmtpCatcher({ refuseFirst: 2, refuseOnlyTo: greylisted });
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

  /** An employer, its owner (the recipient) and `count` workers waiting `daysAgo` days at `office`. */
  async function farm(
    count: number,
    options: {
      daysAgo?: number;
      office?: string;
      email?: string;
      language?: 'fr' | 'en';
    } = {},
  ) {
    const employer = await createEmployer();
    const owner = await createUser({
      role: 'employer_owner',
      employerId: employer.id,
      email: options.email ?? uniqueEmail('owner'),
    });
    if (options.language)
      await (
        await db()
      ).query(
        `INSERT INTO reminder_settings (employer_id, convocation_overdue_days, convocation_repeat_days, language)
         VALUES ($1, 30, 14, $2)`,
        [employer.id, options.language],
      );
    const dossiers = [];
    for (let i = 0; i < count; i++)
      dossiers.push(
        await insertWaitingDossier(employer.id, {
          transmittedOn: addDays(today, -(options.daysAgo ?? 40)),
          office: options.office,
          surname: `WORKER${String(i).padStart(2, '0')}`,
        }),
      );
    return { employer, owner, dossiers };
  }

  /** Waits until Redis has no send job left to run. */
  const drained = () =>
    eventually(async () => (await unfinishedJobs(queue)) === 0, 30000);

  it('sends exactly one e-mail per recipient when the sweep runs twice, and the second sweep writes and queues nothing', async () => {
    const a = await farm(3);
    const first = await sweeps.run();
    const second = await sweeps.run();
    expect(first.written).toBeGreaterThanOrEqual(3);
    expect(second.written).toBe(0);
    await drained();
    await eventually(async () => smtp.to(a.owner.email).length === 1);
    const rows = await outboxOf([a.owner.email]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(1); // one digest carries them
    const third = await sweeps.run();
    expect(third.written).toBe(0);
    expect(third.enqueued).toBe(0);
    await drained();
    expect(smtp.to(a.owner.email)).toHaveLength(1);
  });

  it('groups 50 waiting workers into one French digest with one follow-up to the office listing all 50', async () => {
    const a = await farm(50);
    await sweeps.run();
    await drained();
    const mails = await eventually(async () => {
      const m = smtp.to(a.owner.email);
      return m.length === 1 && m;
    });
    const [mail] = mails;
    expect(mail.language).toBe('fr');
    for (const d of a.dossiers) expect(mail.text).toContain(d.surname);
    expect(mail.text).toMatch(/OFII Casablanca/);
    expect(mail.text).toMatch(/Madame, Monsieur/);
    expect(mail.text).toMatch(/\/relance\/[0-9a-f-]{36}_[\w-]+/);
    const rows = await outboxOf([a.owner.email]);
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('writes to an employer that chose English in English', async () => {
    const a = await farm(1, { language: 'en' });
    await sweeps.run();
    await drained();
    const [mail] = await eventually(async () => {
      const m = smtp.to(a.owner.email);
      return m.length === 1 && m;
    });
    expect(mail.language).toBe('en');
    expect(mail.subject).not.toMatch(/rappel|relance/i);
    // The follow-up to OFII stays in formal French whatever the recipient's language.
    expect(mail.text).toMatch(/Madame, Monsieur/);
  });

  it("lists in the OFII follow-up exactly the employer's workers waiting past the threshold at that office, nothing of another employer", async () => {
    const a = await farm(0);
    const overdue = [
      await insertWaitingDossier(a.employer.id, {
        transmittedOn: addDays(today, -45),
        surname: 'ALAOUI',
      }),
      await insertWaitingDossier(a.employer.id, {
        transmittedOn: addDays(today, -31),
        surname: 'BENNANI',
      }),
    ];
    const tooRecent = await insertWaitingDossier(a.employer.id, {
      transmittedOn: addDays(today, -12),
      surname: 'CHRAIBI',
    });
    const otherOffice = await insertWaitingDossier(a.employer.id, {
      transmittedOn: addDays(today, -50),
      office: 'tunis',
      surname: 'TRABELSI',
    });
    const b = await farm(0);
    const ofB = await insertWaitingDossier(b.employer.id, {
      transmittedOn: addDays(today, -60),
      surname: 'DAOUDI',
    });
    await sweeps.run();
    await drained();
    const [mail] = await eventually(async () => {
      const m = smtp.to(a.owner.email);
      return m.length === 1 && m;
    });
    const casablanca = followUpText(mail.text, 'OFII Casablanca');
    for (const d of overdue) {
      expect(casablanca).toContain(d.surname);
      expect(casablanca).toContain(d.passportNumber);
    }
    expect(casablanca).not.toContain(tooRecent.surname);
    expect(casablanca).not.toContain(otherOffice.surname);
    expect(mail.text).not.toContain(ofB.surname);
    expect(mail.text).not.toContain(ofB.passportNumber);
    expect(followUpText(mail.text, 'OFII Tunis')).toContain(
      otherOffice.surname,
    );
    const [mailB] = await eventually(async () => {
      const m = smtp.to(b.owner.email);
      return m.length === 1 && m;
    });
    for (const d of [...overdue, tooRecent, otherOffice])
      expect(mailB.text).not.toContain(d.surname);
  });

  it('retries after two temporary SMTP refusals and sends one e-mail', async () => {
    const a = await farm(2, { email: greylisted });
    await sweeps.run();
    await eventually(async () => smtp.to(greylisted).length === 1, 30000);
    await drained();
    expect(smtp.refused()).toBe(2);
    expect(smtp.to(greylisted)).toHaveLength(1);
    const rows = await outboxOf([a.owner.email]);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 3],
      ['sent', 3],
    ]);
  });

  it('reminds the employer of a work permit whose uploaded copy (Documents feature) expires in 14 days', async () => {
    const a = await farm(0);
    const waiting = await insertWaitingDossier(a.employer.id, {
      transmittedOn: addDays(today, -10), // no convocation reminder yet
      surname: 'IDRISSI',
    });
    await (
      await db()
    ).query(
      `INSERT INTO document (employer_id, worker_id, dossier_id, type, valid_until, storage_key, size,
                             sha256, content_type, display_name)
       SELECT employer_id, worker_id, id, 'work_permit', $2, 'test/permit.pdf', 1000, repeat('a', 64),
              'application/pdf', 'autorisation.pdf'
         FROM dossier WHERE id = $1`,
      [waiting.dossierId, addDays(today, 14)],
    );
    await sweeps.run();
    await drained();
    const [mail] = await eventually(async () => {
      const m = smtp.to(a.owner.email);
      return m.length === 1 && m;
    });
    expect(mail.text).toContain('IDRISSI');
    const rows = await (
      await db()
    ).query(
      `SELECT kind, step, details FROM reminder_outbox WHERE dossier_id = $1`,
      [waiting.dossierId],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'document_expiry',
        step: 'work_permit-d14',
        details: expect.objectContaining({
          document: { kind: 'work_permit', validUntil: addDays(today, 14) },
        }),
      }),
    ]);
  });

  it('keeps a digest found after 07:00 for the next morning, unless a firm admin asks to send the digests now', async () => {
    const a = await farm(1);
    const seven = clock.now();
    clock.at = new Date(seven.getTime() + 3 * 3600_000); // 10:00 Paris
    try {
      const sweep = await sweeps.run();
      expect(sweep.written).toBe(1);
      const [row] = await (
        await db()
      ).query(`SELECT send_after FROM reminder_outbox WHERE recipient = $1`, [
        a.owner.email.toLowerCase(),
      ]);
      expect(row.send_after.getTime() - seven.getTime()).toBe(24 * 3600_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.to(a.owner.email)).toHaveLength(0);
      const now = await sweeps.run(undefined, { sendDigestsNow: true });
      expect(now.enqueued).toBeGreaterThanOrEqual(1);
      await eventually(async () => smtp.to(a.owner.email).length === 1);
    } finally {
      clock.at = seven;
      // Tomorrow's digest job (now with nothing left to send) would wait 21 hours: drop it.
      for (const job of await queue.getDelayed()) await job.remove();
    }
  });

  describe('the relance link', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    it('shows the list on GET without changing anything, and records "relance envoyée" once on each listed dossier on POST', async () => {
      const a = await farm(3, { daysAgo: 35 });
      await sweeps.run();
      await drained();
      const [mail] = await eventually(async () => {
        const m = smtp.to(a.owner.email);
        return m.length === 1 && m;
      });
      const token = /\/relance\/([0-9a-f-]{36}_[\w-]+)/.exec(
        mail.text,
      )?.[1] as string;
      const ids = a.dossiers.map((d) => d.dossierId);
      const relanceEvents = async () =>
        (
          await (
            await db()
          ).query(
            `SELECT dossier_id FROM dossier_event WHERE kind = 'relance' AND dossier_id = ANY($1::uuid[])`,
            [ids],
          )
        )
          .map((r: { dossier_id: string }) => r.dossier_id)
          .sort();

      const anonymous = new TestClient(app);
      const seen = await anonymous.get(`/api/relance/${token}`);
      expect(seen.statusCode).toBe(200);
      const view = seen.json<RelanceView>();
      expect(view.workers.map((w) => w.dossierId).sort()).toEqual(
        [...ids].sort(),
      );
      expect(view.confirmedAt).toBeNull();
      expect(JSON.stringify(view)).not.toContain(a.dossiers[0].passportNumber); // masked
      expect(await relanceEvents()).toEqual([]);

      const first = await anonymous.post(`/api/relance/${token}`);
      expect(first.statusCode).toBe(200);
      expect(first.json<RelanceView>().confirmedAt).not.toBeNull();
      const again = await anonymous.post(`/api/relance/${token}`);
      expect(again.statusCode).toBe(200);
      expect(await relanceEvents()).toEqual([...ids].sort());

      const forged = await anonymous.get(
        `/api/relance/${token.slice(0, -2)}xx`,
      );
      expect(forged.statusCode).toBe(404);
    });
  });
});

/** The follow-up block of an office in a digest's plain text: its header to the end of its message. */
function followUpText(text: string, officeLabel: string): string {
  const start = text.indexOf(`${officeLabel} - `);
  if (start < 0) return '';
  const ends = ['fin du message', 'end of the message']
    .map((marker) => text.indexOf(marker, start))
    .filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : undefined);
}
