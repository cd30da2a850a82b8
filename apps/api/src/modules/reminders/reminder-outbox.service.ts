import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  DossierReminderHistory,
  isFirmRole,
  NotificationsResponse,
  Page,
  ReminderOutboxItem,
  ReminderOutboxQuery,
  ReminderOutboxStatus,
  SweepRequestedResponse,
} from '@moisson/contract';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../core/auth/auth-context';
import { Clock } from '../../core/clock/clock';
import { ApiException } from '../../core/http/api-exception';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor';
import { enqueue } from '../../core/queue/enqueue';
import { JOB_OPTIONS } from '../../core/queue/job-options';
import {
  QueueName,
  ReminderSendJobName,
  ReminderSweepJobName,
} from '../../core/queue/queue-names';
import { describeConnectionError } from '../../core/startup/describe-connection-error';
import { ReminderEnqueuer } from './reminder-enqueuer';
import {
  OUTBOX_VIEW_COLUMNS,
  OUTBOX_VIEW_JOINS,
  OutboxViewRow,
  toOutboxItem,
  toReminderView,
} from './reminder-view.mapper';

export const OUTBOX_PAGE_SIZE = 50;
export const OUTBOX_MAX_PAGE_SIZE = 200;

/**
 * The reminders as people read them: the signed-in user's notifications, a dossier's history,
 * the firm's outbox with "send again", and "run the sweep now".
 */
@Injectable()
export class ReminderOutboxService {
  private readonly logger = new Logger(ReminderOutboxService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.ReminderSweep) private readonly sweepQueue: Queue,
    private readonly enqueuer: ReminderEnqueuer,
    private readonly clock: Clock,
  ) {}

  /** The reminders addressed to the caller (an employer user only ever sees their employer's). */
  async notifications(
    auth: AuthContext,
    status: ReminderOutboxStatus | undefined,
    limit = OUTBOX_PAGE_SIZE,
  ): Promise<NotificationsResponse> {
    const email = auth.user.email.toLowerCase();
    const employerId = isFirmRole(auth.user.role) ? null : auth.user.employerId;
    const rows: OutboxViewRow[] = await this.dataSource.query(
      `SELECT ${OUTBOX_VIEW_COLUMNS} FROM reminder_outbox o ${OUTBOX_VIEW_JOINS}
        WHERE o.recipient = $1 AND ($2::uuid IS NULL OR o.employer_id = $2)
          AND ($3::text IS NULL OR o.status = $3)
        ORDER BY o.created_at DESC, o.id DESC LIMIT $4`,
      [email, employerId, status ?? null, limit],
    );
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM reminder_outbox
        WHERE recipient = $1 AND status IN ('pending', 'sending')
          AND ($2::uuid IS NULL OR employer_id = $2)`,
      [email, employerId],
    )) as Array<{ count: number }>;
    return {
      items: rows.map((row) => ({
        ...toReminderView(row),
        id: row.id,
        status: row.status,
        sendAfter: row.send_after.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
      })),
      pendingCount: count,
    };
  }

  /** The outbox for firm staff, newest first, keyset-paginated. */
  async outbox(query: ReminderOutboxQuery): Promise<Page<ReminderOutboxItem>> {
    const limit = query.limit ?? OUTBOX_PAGE_SIZE;
    const after = query.cursor
      ? decodeCursor(query.cursor, 'createdAt', 1)
      : undefined;
    const rows: OutboxViewRow[] = await this.dataSource.query(
      `SELECT ${OUTBOX_VIEW_COLUMNS} FROM reminder_outbox o ${OUTBOX_VIEW_JOINS}
        WHERE ($1::text IS NULL OR o.status = $1)
          AND ($2::uuid IS NULL OR o.employer_id = $2)
          AND ($3::timestamptz IS NULL OR (o.created_at, o.id) < ($3, $4::uuid))
        ORDER BY o.created_at DESC, o.id DESC LIMIT $5`,
      [
        query.status ?? null,
        query.employerId ?? null,
        after ? after.values[0] : null,
        after ? after.id : null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toOutboxItem),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              sort: 'createdAt',
              values: [last.created_at.toISOString()],
              id: last.id,
            })
          : null,
    };
  }

  /** A failed row goes back to pending, due now, and its send job is queued at once. */
  async resend(id: string): Promise<ReminderOutboxItem> {
    const now = this.clock.now();
    const [rows] = (await this.dataSource.query(
      `UPDATE reminder_outbox
          SET status = 'pending', attempts = 0, send_after = $2,
              resend_count = resend_count + 1, updated_at = now()
        WHERE id = $1 AND status = 'failed'
        RETURNING id, recipient, urgent, resend_count`,
      [id, now],
    )) as [
      Array<{
        id: string;
        recipient: string;
        urgent: boolean;
        resend_count: number;
      }>,
      number,
    ];
    const row = rows[0];
    if (!row) {
      const current = await this.byId(id);
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: `Ce rappel n'a pas échoué (état : ${current.status}) : seul un rappel en échec peut être renvoyé.`,
        en: `This reminder has not failed (status: ${current.status}): only a failed reminder can be sent again.`,
      });
    }
    const jobId = `resend-${row.id}-${row.resend_count}`;
    try {
      await this.enqueuer.addMissing([
        row.urgent
          ? {
              name: ReminderSendJobName.Urgent,
              data: { outboxId: row.id },
              jobId,
              delay: 0,
            }
          : {
              name: ReminderSendJobName.Digest,
              data: { recipient: row.recipient },
              jobId,
              delay: 0,
            },
      ]);
    } catch (error) {
      // The row is pending: the next sweep queues it. Say so in the log, answer with the row.
      this.logger.warn(
        { outboxId: row.id, error: describeConnectionError(error, 'Redis') },
        'resend: job not queued now, the next sweep will queue it',
      );
    }
    return this.byId(id);
  }

  /** Queues a sweep now; one per minute however often it is asked. */
  async requestSweep(sendDigestsNow = false): Promise<SweepRequestedResponse> {
    const now = this.clock.now();
    const minute = now.toISOString().slice(0, 16).replace(/\D/g, '');
    const jobId = `sweep-now-${minute}${sendDigestsNow ? '-digests' : ''}`;
    try {
      await enqueue(
        this.sweepQueue,
        ReminderSweepJobName.Sweep,
        { trigger: 'manual', sendDigestsNow },
        { ...JOB_OPTIONS.reminderSweep, jobId },
      );
    } catch (error) {
      throw new ApiException(503, API_ERROR_CODES.SERVICE_UNAVAILABLE, {
        fr: `Le balayage n'a pas pu être mis en file d'attente (${describeConnectionError(error, 'Redis')}). Réessayez dans un instant ; le balayage horaire a lieu de toute façon.`,
        en: `The sweep could not be queued (${describeConnectionError(error, 'Redis')}). Try again in a moment; the hourly sweep runs anyway.`,
      });
    }
    return { jobId, requestedAt: now.toISOString() };
  }

  /** Every reminder of a dossier (the caller's access to the employer is already checked). */
  async history(
    auth: AuthContext,
    employerId: string,
    dossierId: string,
  ): Promise<DossierReminderHistory> {
    const [dossier] = (await this.dataSource.query(
      `SELECT id FROM dossier WHERE employer_id = $1 AND id = $2`,
      [employerId, dossierId],
    )) as Array<{ id: string }>;
    if (!dossier)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucun dossier avec l'identifiant ${dossierId} n'a été trouvé.`,
        en: `No dossier with the id ${dossierId} was found.`,
      });
    const firm = isFirmRole(auth.user.role);
    const rows: OutboxViewRow[] = await this.dataSource.query(
      `SELECT ${OUTBOX_VIEW_COLUMNS} FROM reminder_outbox o ${OUTBOX_VIEW_JOINS}
        WHERE o.employer_id = $1 AND o.dossier_id = $2 AND ($3 OR o.audience = 'employer')
        ORDER BY o.due_date DESC, o.reminder_key, o.recipient`,
      [employerId, dossierId, firm],
    );
    const reminders = new Map<
      string,
      DossierReminderHistory['reminders'][number]
    >();
    for (const row of rows) {
      const entry = reminders.get(row.reminder_key) ?? {
        ...toReminderView(row),
        deliveries: [],
      };
      entry.deliveries.push({
        id: row.id,
        recipient: row.recipient,
        status: row.status,
        attempts: row.attempts,
        sendAfter: row.send_after.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
        lastError: row.last_error,
      });
      reminders.set(row.reminder_key, entry);
    }
    const relances: Array<{ confirmed_at: Date; ofii_office: string }> =
      await this.dataSource.query(
        `SELECT confirmed_at, ofii_office FROM reminder_relance
        WHERE employer_id = $1 AND $2::uuid = ANY(dossier_ids) AND confirmed_at IS NOT NULL
        ORDER BY confirmed_at DESC`,
        [employerId, dossierId],
      );
    return {
      dossierId,
      reminders: [...reminders.values()],
      relances: relances.map((r) => ({
        confirmedAt: r.confirmed_at.toISOString(),
        ofiiOffice: r.ofii_office,
      })),
    };
  }

  private async byId(id: string): Promise<ReminderOutboxItem> {
    const [row] = (await this.dataSource.query(
      `SELECT ${OUTBOX_VIEW_COLUMNS} FROM reminder_outbox o ${OUTBOX_VIEW_JOINS} WHERE o.id = $1`,
      [id],
    )) as OutboxViewRow[];
    if (!row)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucun rappel avec l'identifiant ${id} n'a été trouvé.`,
        en: `No reminder with the id ${id} was found.`,
      });
    return toOutboxItem(row);
  }
}
