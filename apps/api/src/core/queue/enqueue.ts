import { JobsOptions, Queue } from 'bullmq';

/** How long an HTTP request waits for Redis to accept a job before it answers 503. */
export const ENQUEUE_TIMEOUT_MS = 3000;

export class EnqueueTimeoutError extends Error {
  constructor(queue: string) {
    super(
      `Redis did not accept the job on queue "${queue}" within ${ENQUEUE_TIMEOUT_MS / 1000} s`,
    );
    this.name = 'EnqueueTimeoutError';
  }
}

/**
 * queue.add with a deadline: BullMQ waits for Redis to come back rather than failing, which would
 * leave an HTTP request hanging while Redis is away.
 */
export async function enqueue<T>(
  queue: Queue,
  name: string,
  data: T,
  options: JobsOptions,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      queue.add(name, data, options),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new EnqueueTimeoutError(queue.name)),
          ENQUEUE_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
