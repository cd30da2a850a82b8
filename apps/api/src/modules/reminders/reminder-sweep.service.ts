import { performance } from 'node:perf_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CalendarDate,
  nextDigestAt,
  parisToday,
  remindersDue,
} from '@moisson/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock/clock';
import { DocumentExpiriesService } from '../documents/document-expiries.service';
import { candidateIds, loadCandidates, subjectOf } from './reminder-candidates';
import { ReminderEnqueuer } from './reminder-enqueuer';
import { insertOutboxRows, NewOutboxRow } from './reminder-outbox.writer';
import { loadFirmStaff, ReminderRecipients } from './reminder-recipients';

/** Candidates read and evaluated per batch. */
export const SWEEP_BATCH_SIZE = 1000;

export interface SweepResult {
  today: string;
  candidates: number;
  /** Reminders the rules found due (before fanning out to recipients). */
  due: number;
  /** Outbox rows written by this sweep (0 for reminders already in the outbox). */
  written: number;
  /** Send jobs added to Redis (0 when every unsent row already had its job). */
  enqueued: number;
  /** Milliseconds: candidate selection, rules + outbox writes, enqueue, whole sweep. */
  ms: { select: number; write: number; enqueue: number; total: number };
}

/**
 * The sweep: selects candidate dossiers by index, asks the domain rules what is due for each,
 * writes one outbox row per reminder and recipient (a second insert is a no-op), then makes sure
 * every unsent row has its send job in Redis. Safe to run twice, or twice at once.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly enqueuer: ReminderEnqueuer,
    private readonly documents: DocumentExpiriesService,
  ) {}

  /**
   * `sendDigestsNow`: after writing, every pending digest row due later is made due now, so the
   * enqueue step queues it at once (a firm admin's choice; the hourly sweep never does it).
   */
  async run(
    now: Date = this.clock.now(),
    options: { sendDigestsNow?: boolean } = {},
  ): Promise<SweepResult> {
    const started = performance.now();
    const today = parisToday(now);
    const manager = this.dataSource.manager;
    const ids = await candidateIds(manager, now);
    const selected = performance.now();

    const digestAt = nextDigestAt(now);
    let due = 0;
    let written = 0;
    // Batch i+1 is read while batch i is evaluated and written (I/O overlaps the rules' CPU).
    const staff = await loadFirmStaff(manager);
    const load = (from: number) => {
      const batch = (async () => {
        const rows = await loadCandidates(
          manager,
          ids.slice(from, from + SWEEP_BATCH_SIZE),
        );
        const [recipients, documents] = await Promise.all([
          ReminderRecipients.load(
            manager,
            [...new Set(rows.map((r) => r.employer_id))],
            staff,
          ),
          this.documents.documentExpiriesOfAnyEmployer(
            rows.map((r) => r.id),
            manager,
          ),
        ]);
        return { rows, recipients, documents };
      })();
      batch.catch(() => undefined); // awaited below; a failure surfaces there
      return batch;
    };
    let next = ids.length > 0 ? load(0) : undefined;
    for (let i = 0; next; i += SWEEP_BATCH_SIZE) {
      const { rows, recipients, documents } = await next;
      next =
        i + SWEEP_BATCH_SIZE < ids.length
          ? load(i + SWEEP_BATCH_SIZE)
          : undefined;
      const outbox: NewOutboxRow[] = [];
      for (const row of rows) {
        const reminders = remindersDue(
          subjectOf(
            row,
            (documents.get(row.id) ?? []).map(({ kind, validUntil }) => ({
              kind,
              validUntil: validUntil as CalendarDate,
            })),
          ),
          recipients.settingsOf(row.employer_id),
          today,
        );
        due += reminders.length;
        for (const reminder of reminders) {
          const sendAfter = reminder.urgent ? now : digestAt;
          for (const recipient of recipients.recipientsOf(
            row.employer_id,
            reminder.audience,
          ))
            outbox.push({ reminder, recipient, sendAfter });
        }
      }
      written += await insertOutboxRows(manager, outbox);
    }
    if (options.sendDigestsNow)
      await manager.query(
        `UPDATE reminder_outbox SET send_after = $1, updated_at = now()
          WHERE status = 'pending' AND urgent = false AND send_after > $1`,
        [now],
      );
    const wrote = performance.now();

    const enqueued = await this.enqueuer.enqueueUnsent(now);
    const finished = performance.now();
    const result: SweepResult = {
      today,
      candidates: ids.length,
      due,
      written,
      enqueued,
      ms: {
        select: Math.round(selected - started),
        write: Math.round(wrote - selected),
        enqueue: Math.round(finished - wrote),
        total: Math.round(finished - started),
      },
    };
    this.logger.log(result, 'reminder sweep done');
    return result;
  }
}
