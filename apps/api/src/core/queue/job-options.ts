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
} satisfies Record<string, JobsOptions>;
