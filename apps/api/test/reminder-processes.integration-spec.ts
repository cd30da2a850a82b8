import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestingModule } from '@nestjs/testing';
import { addDays, parisToday } from '@moisson/domain';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QueueName, ReminderSendJobName } from '../src/core/queue/queue-names';
import { bullPrefix } from '../src/core/queue/redis-options';
import {
  REMINDER_SWEEP_SCHEDULER_ID,
  ReminderSweepProcessor,
} from '../src/modules/reminders/jobs/reminder-sweep.processor';
import { REMINDER_LEASE_MS } from '../src/modules/reminders/reminder-outbox.claims';
import {
  ReminderEnqueuer,
  shortHash,
} from '../src/modules/reminders/reminder-enqueuer';
import { ReminderSweepService } from '../src/modules/reminders/reminder-sweep.service';
import { startEntry } from './dist-process';
import { closeDb, createEmployer, createUser } from './fixtures';
import {
  insertWaitingDossier,
  latestDigestTime,
  ManualClock,
  outboxOf,
  sendQueue,
  startReminderWorker,
  startSmtpCatcher,
  startSweeper,
  unfinishedJobs,
} from './reminder-fixtures';
import { eventually } from './test-app';
import { deleteRedisPrefix } from './test-database';

/**
 * Exactly one e-mail per reminder when things go wrong: two worker processes at once, a worker
 * killed in the middle of sending, Redis emptied between two sweeps. The outbox in PostgreSQL is
 * the record; these tests count what the SMTP server received.
 */
const redisUrl = process.env['REDIS_URL'] as string;

afterAll(async () => {
  await closeDb();
});

/** `count` employers, each with an owner and `perEmployer` workers waiting 40 days. */
async function farms(count: number, perEmployer: number, today: string) {
  const owners: string[] = [];
  for (let i = 0; i < count; i++) {
    const employer = await createEmployer();
    const owner = await createUser({
      role: 'employer_owner',
      employerId: employer.id,
    });
    owners.push(owner.email);
    for (let k = 0; k < perEmployer; k++)
      await insertWaitingDossier(employer.id, {
        transmittedOn: addDays(today as never, -40),
      });
  }
  return owners;
}

/** Jobs in Redis that would send to `recipient` (digest jobs carry the address). */
async function jobsFor(
  prefix: string,
  recipient: string,
  url = redisUrl,
): Promise<number> {
  const queue = sendQueue(url, prefix);
  try {
    const jobs = await queue.getJobs([
      'waiting',
      'active',
      'delayed',
      'prioritized',
    ]);
    return jobs.filter((j) => j?.data?.recipient === recipient.toLowerCase())
      .length;
  } finally {
    await queue.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

describe('two worker processes (dist/apps/api/worker.js) at once', () => {
  it('send each recipient exactly one digest, even with two jobs per recipient racing', async () => {
    const prefix = `${process.env['REDIS_PREFIX']}-rem-two`;
    const smtp = await startSmtpCatcher();
    const clock = new ManualClock(latestDigestTime());
    const today = parisToday(clock.now());
    const owners = await farms(12, 2, today);
    const env = {
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '4',
    };
    const workers = await Promise.all([
      startEntry('worker', env, /Worker started/, 30000),
      startEntry('worker', env, /Worker started/, 30000),
    ]);
    const sweeper = await startSweeper(clock, { REDIS_PREFIX: prefix });
    const queue = sendQueue(redisUrl, prefix);
    try {
      const result = await sweeper.get(ReminderSweepService).run();
      expect(result.enqueued).toBeGreaterThanOrEqual(owners.length);
      // A second job per recipient, as a resend or a recovery racing the digest would be.
      await sweeper.get(ReminderEnqueuer).addMissing(
        owners.map((recipient) => ({
          name: ReminderSendJobName.Digest,
          data: { recipient },
          jobId: `race-${shortHash(recipient)}`,
          delay: 0,
        })),
      );
      await eventually(async () => {
        const rows = await outboxOf(owners);
        return (
          rows.length === owners.length * 2 &&
          rows.every((r) => r.status === 'sent')
        );
      }, 30000);
      await eventually(async () => (await unfinishedJobs(queue)) === 0, 30000);
      for (const owner of owners) expect(smtp.to(owner)).toHaveLength(1);
      const sentBy = workers.map(
        (w) => (w.output().match(/reminder e-mail sent/g) ?? []).length,
      );
      expect(sentBy.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
        owners.length,
      );
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await sweeper.close();
      await queue.close();
      await smtp.close();
      await deleteRedisPrefix(redisUrl, prefix);
    }
  }, 90000);
});

describe('a worker killed in the middle of sending', () => {
  it('leaves its rows leased; once the lease has run out the next sweep queues them again and they go out once', async () => {
    const prefix = `${process.env['REDIS_PREFIX']}-rem-kill`;
    const hanging = await startSmtpCatcher({ hold: true });
    const smtp = await startSmtpCatcher();
    const clock = new ManualClock(latestDigestTime());
    const [owner] = await farms(1, 2, parisToday(clock.now()));
    const doomed = await startEntry(
      'worker',
      { REDIS_PREFIX: prefix, SMTP_URL: hanging.url, LOG_LEVEL: 'info' },
      /Worker started/,
      30000,
    );
    const sweeper = await startSweeper(clock, { REDIS_PREFIX: prefix });
    let rescuer: TestingModule | undefined;
    try {
      await sweeper.get(ReminderSweepService).run();
      // The worker claimed the rows and is waiting for the SMTP server's answer: kill it there.
      await eventually(async () => {
        const rows = await outboxOf([owner]);
        return (
          rows.every((r) => r.status === 'sending') && hanging.attempts() === 1
        );
      }, 20000);
      doomed.child.kill('SIGKILL');
      await doomed.exited;

      // Still inside the lease: a sweep leaves the rows to their (dead) claim.
      // (Other suites may leave unsent rows in this database: count this owner's jobs only.)
      await sweeper.get(ReminderSweepService).run();
      expect(await jobsFor(prefix, owner)).toBe(1); // the dead worker's, still active in Redis

      // Past the lease: the sweep queues them again and a live worker sends them.
      clock.at = new Date(Date.now() + REMINDER_LEASE_MS + 60_000);
      rescuer = await startReminderWorker(clock, {
        REDIS_PREFIX: prefix,
        SMTP_URL: smtp.url,
      });
      const late = await rescuer.get(ReminderSweepService).run();
      expect(late.enqueued).toBeGreaterThanOrEqual(1);
      expect(await outboxOf([owner])).toHaveLength(2); // nothing new written
      await eventually(async () => smtp.to(owner).length === 1, 20000);
      const rows = await outboxOf([owner]);
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ['sent', 2],
        ['sent', 2],
      ]);
      await rescuer.get(ReminderSweepService).run();
      expect(await jobsFor(prefix, owner)).toBeLessThanOrEqual(1); // at most the dead one
      expect(smtp.to(owner)).toHaveLength(1);
    } finally {
      doomed.child.kill('SIGKILL');
      await rescuer?.close();
      await sweeper.close();
      await smtp.close();
      await hanging.close();
      await deleteRedisPrefix(redisUrl, prefix);
    }
  }, 90000);
});

const redisServer =
  spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

describe('Redis emptied (FLUSHALL) between two sweeps', () => {
  (redisServer ? it : it.skip)(
    'the second sweep queues again what is unsent, and one e-mail goes out',
    async () => {
      // A private Redis: FLUSHALL must not touch the shared one.
      const port = await freePort();
      const redis: ChildProcess = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      );
      const privateUrl = `redis://127.0.0.1:${port}`;
      const client = new Redis(privateUrl, { maxRetriesPerRequest: null });
      await eventually(
        async () => (await client.ping().catch(() => '')) === 'PONG',
      );
      const smtp = await startSmtpCatcher();
      const digest = latestDigestTime();
      const clock = new ManualClock(new Date(digest.getTime() - 30 * 60_000));
      const [owner] = await farms(1, 3, parisToday(digest));
      const worker = await startReminderWorker(clock, {
        REDIS_URL: privateUrl,
        REDIS_PREFIX: 'flush-test',
        SMTP_URL: smtp.url,
      });
      const queue = sendQueue(privateUrl, 'flush-test');
      try {
        // 06:30: the digest is written and queued for 07:00.
        const first = await worker.get(ReminderSweepService).run();
        expect(first.enqueued).toBeGreaterThanOrEqual(1);
        expect(await unfinishedJobs(queue)).toBeGreaterThanOrEqual(1);

        const sweepQueue = new Queue(QueueName.ReminderSweep, {
          connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null },
          prefix: bullPrefix('flush-test'),
        });
        const schedules = async () =>
          (await sweepQueue.getJobSchedulers()).map((j) => [
            j.key,
            j.pattern,
            j.tz,
          ]);
        const hourly = [
          REMINDER_SWEEP_SCHEDULER_ID,
          '0 * * * *',
          'Europe/Paris',
        ];
        expect(await schedules()).toEqual([hourly]);

        await client.flushall();
        expect(await unfinishedJobs(queue)).toBe(0);
        expect(await schedules()).toEqual([]);
        // The worker puts the hourly schedule back by itself (every 10 minutes; called here).
        await worker.get(ReminderSweepProcessor).ensureSchedule();
        await worker.get(ReminderSweepProcessor).ensureSchedule();
        expect(await schedules()).toEqual([hourly]);
        await sweepQueue.close();

        // 07:00: the outbox still says unsent, so the sweep queues it again.
        clock.at = digest;
        const second = await worker.get(ReminderSweepService).run();
        expect(second.written).toBe(0);
        expect(second.enqueued).toBeGreaterThanOrEqual(1);
        await eventually(async () => smtp.to(owner).length === 1, 20000);
        await eventually(async () => (await unfinishedJobs(queue)) === 0);
        await worker.get(ReminderSweepService).run();
        expect(await jobsFor('flush-test', owner, privateUrl)).toBe(0);
        expect(smtp.to(owner)).toHaveLength(1);
        expect(
          (await outboxOf([owner])).every((r) => r.status === 'sent'),
        ).toBe(true);
      } finally {
        await worker.close();
        await queue.close();
        client.disconnect();
        redis.kill('SIGKILL');
        await smtp.close();
      }
    },
    60000,
  );
});
