import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import type {
  ApiErrorBody,
  DossierReminderHistory,
  NotificationsResponse,
  Page,
  ReminderOutboxItem,
  ReminderSettingsResponse,
  SweepRequestedResponse,
} from '@moisson/contract';
import { addDays, parisToday } from '@moisson/domain';
import { Queue } from 'bullmq';
import { QueueName } from '../../core/queue/queue-names';
import { bullPrefix } from '../../core/queue/redis-options';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
} from '../../../test/fixtures';
import {
  insertWaitingDossier,
  latestDigestTime,
  ManualClock,
  sendQueue,
  startSweeper,
} from '../../../test/reminder-fixtures';
import { createTestApp } from '../../../test/test-app';
import { deleteRedisPrefix } from '../../../test/test-database';
import { ReminderSweepService } from './reminder-sweep.service';

/**
 * The reminder routes: who may call them, what they answer, and that an employer never sees
 * another's reminders. The sweep runs here without a worker, so the rows stay pending.
 */
describe('reminders API', () => {
  const prefix = `${process.env['REDIS_PREFIX']}-reminders-api`;
  const redisUrl = process.env['REDIS_URL'] as string;
  const clock = new ManualClock(latestDigestTime());
  const today = parisToday(clock.now());
  let app: NestFastifyApplication;
  let sweeper: TestingModule;
  const w = {} as {
    a: {
      id: string;
      dossierId: string;
      owner: TestClient;
      member: TestClient;
      ownerEmail: string;
      memberEmail: string;
    };
    b: { id: string; dossierId: string; owner: TestClient };
    staff: TestClient;
    admin: TestClient;
  };

  beforeAll(async () => {
    app = await createTestApp({ REDIS_PREFIX: prefix });
    sweeper = await startSweeper(clock, { REDIS_PREFIX: prefix });
    const staffUser = await createUser({ role: 'firm_staff' });
    const admin = await createUser({ role: 'firm_admin' });
    const employers = [];
    for (const name of ['A', 'B']) {
      const employer = await createEmployer(`Ferme ${name} rappels`);
      // Firm alerts of these employers go to one known lawyer.
      await (
        await db()
      ).query(`UPDATE employer SET assigned_staff_id = $2 WHERE id = $1`, [
        employer.id,
        staffUser.id,
      ]);
      const owner = await createUser({
        role: 'employer_owner',
        employerId: employer.id,
      });
      const member = await createUser({
        role: 'employer_member',
        employerId: employer.id,
      });
      const waiting = await insertWaitingDossier(employer.id, {
        transmittedOn: addDays(today, -70), // overdue for the employer, 60-day alert for the firm
      });
      employers.push({ employer, owner, member, waiting });
    }
    const [a, b] = employers;
    w.a = {
      id: a.employer.id,
      dossierId: a.waiting.dossierId,
      owner: await signedInClient(app, a.owner),
      member: await signedInClient(app, a.member),
      ownerEmail: a.owner.email,
      memberEmail: a.member.email,
    };
    w.b = {
      id: b.employer.id,
      dossierId: b.waiting.dossierId,
      owner: await signedInClient(app, b.owner),
    };
    w.staff = await signedInClient(app, staffUser);
    w.admin = await signedInClient(app, admin);
    await sweeper.get(ReminderSweepService).run();
  });

  afterAll(async () => {
    await app?.close();
    await sweeper?.close();
    await deleteRedisPrefix(redisUrl, prefix);
    await closeDb();
  });

  describe('settings', () => {
    const path = () => `/api/employers/${w.a.id}/reminder-settings`;

    it('answers the defaults until the owner saves, then the saved values', async () => {
      const before = (
        await w.a.member.get(path())
      ).json<ReminderSettingsResponse>();
      expect(before).toMatchObject({
        convocationOverdueDays: 30,
        convocationRepeatDays: 14,
        language: 'fr',
        extraRecipients: [],
        customised: false,
      });
      const saved = await w.a.owner.request('PUT', path(), {
        convocationOverdueDays: 21,
        extraRecipients: ['Compta@Ferme-A.fr'],
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json<ReminderSettingsResponse>()).toMatchObject({
        convocationOverdueDays: 21,
        convocationRepeatDays: 14,
        extraRecipients: ['compta@ferme-a.fr'],
        customised: true,
      });
    });

    it('refuses values outside the bounds with a 400 naming the field, and saves nothing', async () => {
      const before = (
        await w.a.owner.get(path())
      ).json<ReminderSettingsResponse>();
      const res = await w.a.owner.request('PUT', path(), {
        convocationOverdueDays: 3,
        extraRecipients: ['not an address'],
      });
      expect(res.statusCode).toBe(400);
      const body = res.json<ApiErrorBody>();
      expect(body.details?.map((d) => d.field).sort()).toEqual([
        'convocationOverdueDays',
        'extraRecipients',
      ]);
      expect(body.message).toMatch(/7 et 180/);
      expect((await w.a.owner.get(path())).json()).toEqual(before);
      const unknown = await w.a.owner.request('PUT', path(), {
        sendAt: '06:00',
      });
      expect(unknown.statusCode).toBe(400);
    });

    it('lets neither a member nor another employer change them', async () => {
      expect(
        (await w.a.member.request('PUT', path(), { convocationRepeatDays: 21 }))
          .statusCode,
      ).toBe(403);
      expect(
        (await w.b.owner.request('PUT', path(), { convocationRepeatDays: 21 }))
          .statusCode,
      ).toBe(404);
      expect((await w.b.owner.get(path())).statusCode).toBe(404);
    });
  });

  describe('notifications and history', () => {
    it("shows a user the reminders addressed to them, and nothing of another employer's", async () => {
      const mine = (
        await w.a.owner.get('/api/notifications')
      ).json<NotificationsResponse>();
      expect(mine.items.map((i) => i.dossier.id)).toEqual([w.a.dossierId]);
      expect(mine.items[0]).toMatchObject({
        kind: 'convocation_overdue',
        audience: 'employer',
        status: 'pending',
        daysWaited: 70,
        employer: { id: w.a.id },
      });
      expect(mine.pendingCount).toBe(1);
      const theirs = await w.b.owner.get('/api/notifications');
      expect(theirs.body).not.toContain(w.a.dossierId);
      const staff = (
        await w.staff.get('/api/notifications?status=pending')
      ).json<NotificationsResponse>();
      // Other suites' dossiers may alert every lawyer too: look at these two employers only.
      const ours = staff.items.filter((i) =>
        [w.a.id, w.b.id].includes(i.employer.id),
      );
      expect(ours.map((i) => `${i.kind}:${i.dossier.id}`).sort()).toEqual(
        [
          `convocation_wait_firm:${w.a.dossierId}`,
          `convocation_wait_firm:${w.b.dossierId}`,
        ].sort(),
      );
      expect(
        (await w.a.owner.get('/api/notifications?status=late')).statusCode,
      ).toBe(400);
    });

    it("gives a dossier's history to its employer (employer reminders) and to the firm (its alerts too), 404 to others", async () => {
      const path = `/api/employers/${w.a.id}/dossiers/${w.a.dossierId}/reminders`;
      const own = (await w.a.member.get(path)).json<DossierReminderHistory>();
      expect(own.reminders.map((r) => r.kind)).toEqual(['convocation_overdue']);
      // The employer's active users, owner and member alike.
      expect(
        own.reminders[0].deliveries.map((d) => d.recipient).sort(),
      ).toEqual(
        [w.a.ownerEmail, w.a.memberEmail].map((e) => e.toLowerCase()).sort(),
      );
      const firm = (await w.staff.get(path)).json<DossierReminderHistory>();
      expect(firm.reminders.map((r) => r.kind).sort()).toEqual([
        'convocation_overdue',
        'convocation_wait_firm',
      ]);
      expect((await w.b.owner.get(path)).statusCode).toBe(404);
      expect(
        (
          await w.a.owner.get(
            `/api/employers/${w.a.id}/dossiers/${w.b.dossierId}/reminders`,
          )
        ).statusCode,
      ).toBe(404);
    });
  });

  describe('outbox and sweep (firm)', () => {
    it('lists the outbox by status for firm staff, page by page, and refuses employers', async () => {
      const first = (
        await w.staff.get('/api/firm/reminders/outbox?status=pending&limit=1')
      ).json<Page<ReminderOutboxItem>>();
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).not.toBeNull();
      const next = (
        await w.staff.get(
          `/api/firm/reminders/outbox?status=pending&limit=1&cursor=${first.nextCursor}`,
        )
      ).json<Page<ReminderOutboxItem>>();
      expect(next.items[0].id).not.toBe(first.items[0].id);
      const ofA = (
        await w.staff.get(`/api/firm/reminders/outbox?employerId=${w.a.id}`)
      ).json<Page<ReminderOutboxItem>>();
      expect(new Set(ofA.items.map((i) => i.employer.id))).toEqual(
        new Set([w.a.id]),
      );
      expect(
        (await w.a.owner.get('/api/firm/reminders/outbox')).statusCode,
      ).toBe(403);
      expect(
        (await w.staff.get('/api/firm/reminders/outbox?status=lost'))
          .statusCode,
      ).toBe(400);
    });

    it('sends a failed reminder again (pending, queued at once), and refuses one that has not failed', async () => {
      const [row] = (await (
        await db()
      ).query(
        `SELECT id FROM reminder_outbox WHERE dossier_id = $1 AND audience = 'employer'`,
        [w.a.dossierId],
      )) as Array<{ id: string }>;
      const refused = await w.staff.post(
        `/api/firm/reminders/outbox/${row.id}/resend`,
      );
      expect(refused.statusCode).toBe(409);
      await (
        await db()
      ).query(
        `UPDATE reminder_outbox SET status = 'failed', last_error = '550 mailbox unavailable' WHERE id = $1`,
        [row.id],
      );
      const failed = (
        await w.staff.get('/api/firm/reminders/outbox?status=failed')
      ).json<Page<ReminderOutboxItem>>();
      expect(failed.items.map((i) => i.id)).toContain(row.id);
      const res = await w.staff.post(
        `/api/firm/reminders/outbox/${row.id}/resend`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json<ReminderOutboxItem>()).toMatchObject({
        status: 'pending',
        resendCount: 1,
        attempts: 0,
      });
      const queue = sendQueue(redisUrl, prefix);
      try {
        expect(await queue.getJob(`resend-${row.id}-1`)).toBeDefined();
      } finally {
        await queue.close();
      }
      expect(
        (
          await w.staff.post(
            '/api/firm/reminders/outbox/00000000-0000-4000-8000-000000000000/resend',
          )
        ).statusCode,
      ).toBe(404);
    });

    it('queues a sweep for a firm admin (one per minute), and refuses staff', async () => {
      const res = await w.admin.post('/api/firm/reminders/sweep');
      expect(res.statusCode).toBe(202);
      const { jobId } = res.json<SweepRequestedResponse>();
      expect(
        (
          await w.admin.post('/api/firm/reminders/sweep')
        ).json<SweepRequestedResponse>().jobId,
      ).toBe(jobId);
      const url = new URL(redisUrl);
      const queue = new Queue(QueueName.ReminderSweep, {
        connection: { host: url.hostname, port: Number(url.port || 6379) },
        prefix: bullPrefix(prefix),
      });
      try {
        expect(await queue.getJob(jobId)).toBeDefined();
      } finally {
        await queue.close();
      }
      expect((await w.staff.post('/api/firm/reminders/sweep')).statusCode).toBe(
        403,
      );
      const digests = await w.admin.post('/api/firm/reminders/sweep', {
        sendDigestsNow: true,
      });
      expect(digests.json<SweepRequestedResponse>().jobId).toMatch(
        /^sweep-now-\d{12}-digests$/,
      );
      const bad = await w.admin.post('/api/firm/reminders/sweep', {
        sendDigestsNow: 'yes',
      });
      expect(bad.statusCode).toBe(400);
    });
  });
});
