import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parisToday } from '@moisson/domain';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_OPTIONS } from '../../core/queue/job-options';
import {
  QueueName,
  ReminderSendJobName,
  ReminderSendJobPayloads,
} from '../../core/queue/queue-names';

/** A send job the outbox needs in Redis. */
export type PlannedSendJob = {
  [Name in ReminderSendJobName]: {
    name: Name;
    data: ReminderSendJobPayloads[Name];
    /** Deterministic: the same unsent rows always give the same id (BullMQ ids cannot hold ':'). */
    jobId: string;
    delay: number;
  };
}[ReminderSendJobName];

/** An unsent outbox row, as the enqueue step reads it. */
export interface UnsentRow {
  id: string;
  recipient: string;
  urgent: boolean;
  send_after: Date;
  status: 'pending' | 'sending';
  leased_by: string | null;
}

/** Short stable hash (ids and logs name no address). */
export function shortHash(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/**
 * The job for one unsent row. One digest job per recipient and digest day
 * (`digest-<recipient hash>-<yyyy-mm-dd>`), one job per urgent row (`urgent-<outbox id>`). A row
 * whose lease ran out (its worker died mid-send) gets an id naming that dead claim, so it is queued
 * again at once even while the dead worker's job still sits in Redis.
 */
export function plannedJobFor(
  row: UnsentRow,
  now: Date,
  parisDay: (instant: Date) => string = parisToday,
): PlannedSendJob {
  const delay = Math.max(0, row.send_after.getTime() - now.getTime());
  const recovery =
    row.status === 'sending' ? `-r${shortHash(row.leased_by ?? '', 12)}` : '';
  if (row.urgent) {
    return {
      name: ReminderSendJobName.Urgent,
      data: { outboxId: row.id },
      jobId: `urgent-${row.id}${recovery}`,
      delay,
    };
  }
  return {
    name: ReminderSendJobName.Digest,
    data: { recipient: row.recipient },
    jobId: `digest-${shortHash(row.recipient)}-${parisDay(row.send_after)}${recovery}`,
    delay,
  };
}

/** How many ids one Redis round trip checks, and how many jobs one addBulk carries. */
const CHUNK = 500;
/** addBulk calls in flight at once (their round trips overlap). */
const PARALLEL_CHUNKS = 4;

/**
 * Makes Redis hold a send job for every unsent outbox row. Postgres is the source of truth: after a
 * FLUSHALL, a lost job or a dead worker, the next call queues again exactly what is missing; when
 * every job is there it queues nothing.
 */
@Injectable()
export class ReminderEnqueuer {
  constructor(
    @InjectQueue(QueueName.ReminderSend) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Queues the missing jobs of every row that is pending, or claimed under a lease that ran out. */
  async enqueueUnsent(now: Date): Promise<number> {
    const rows: UnsentRow[] = await this.dataSource.query(
      `SELECT id, recipient, urgent, send_after, status, leased_by
         FROM reminder_outbox
        WHERE status IN ('pending', 'sending')
          AND (status = 'pending' OR lease_until < $1)`,
      [now],
    );
    const jobs = new Map<string, PlannedSendJob>();
    // Digest rows share a few send times: compute each one's Paris day once.
    const days = new Map<number, string>();
    const parisDay = (instant: Date) => {
      let day = days.get(instant.getTime());
      if (day === undefined)
        days.set(instant.getTime(), (day = parisToday(instant)));
      return day;
    };
    for (const row of rows) {
      const job = plannedJobFor(row, now, parisDay);
      const known = jobs.get(job.jobId);
      if (!known || job.delay < known.delay) jobs.set(job.jobId, job);
    }
    return this.addMissing([...jobs.values()]);
  }

  /** Adds the jobs whose id Redis does not hold; returns how many were added. */
  async addMissing(jobs: readonly PlannedSendJob[]): Promise<number> {
    const chunks: PlannedSendJob[][] = [];
    for (let i = 0; i < jobs.length; i += CHUNK)
      chunks.push(jobs.slice(i, i + CHUNK));
    let added = 0;
    for (let i = 0; i < chunks.length; i += PARALLEL_CHUNKS) {
      const counts = await Promise.all(
        chunks.slice(i, i + PARALLEL_CHUNKS).map((c) => this.addChunk(c)),
      );
      added += counts.reduce((a, b) => a + b, 0);
    }
    return added;
  }

  private async addChunk(chunk: readonly PlannedSendJob[]): Promise<number> {
    const client = await this.queue.getBackend().client;
    const pipeline = client.pipeline();
    for (const job of chunk)
      pipeline.runCommand('exists', [this.queue.toKey(job.jobId)]);
    const answers = (await pipeline.exec()) ?? [];
    const missing = chunk.filter((_, k) => answers[k]?.[1] === 0);
    if (missing.length === 0) return 0;
    await this.queue.addBulk(
      missing.map((job) => ({
        name: job.name,
        data: job.data,
        opts: {
          ...JOB_OPTIONS.reminderSend,
          jobId: job.jobId,
          delay: job.delay,
        },
      })),
    );
    return missing.length;
  }
}
