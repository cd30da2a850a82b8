import { JobsOptions } from 'bullmq';

/** Named job options: every queue.add picks one of these. */
export const JOB_OPTIONS = {
  /** Short system jobs: a few quick retries, kept briefly for inspection. */
  system: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 24 * 3600 },
  },
  /**
   * E-mail: up to 5 attempts after SMTP refusals and outages, over about 30 s (2, 4, 8, 16 s). A
   * completed job is kept 24 h, which is how long its idempotency key (jobId) blocks a duplicate;
   * a failed one 7 days, for inspection.
   */
  mail: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  /**
   * The reminder sweep: no retry (the next hourly sweep does the same work), removed once done so
   * the deterministic id of a manual sweep only de-duplicates clicks within its minute.
   */
  reminderSweep: {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600 },
  },
  /**
   * Reminder e-mails: 5 attempts, 2, 4, 8, 16 s apart, then the outbox rows are marked failed (the
   * error is kept there, Postgres being the record). Removed from Redis when done, whatever the
   * outcome, so that a sweep can queue the same deterministic id again for rows left unsent.
   */
  reminderSend: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
} satisfies Record<string, JobsOptions>;
