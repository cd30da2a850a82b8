import { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_NAMES_BY_QUEUE, QueueName } from './queue-names';

const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/**
 * The worker refuses to start when a queue has no processor or a job name has no handler, so a job
 * can never sit in Redis with nobody to run it.
 */
export function assertEveryJobHasAHandler(app: INestApplicationContext): void {
  const discovery = app.get(DiscoveryService, { strict: false });
  const handled = new Map<string, Set<string>>();
  for (const wrapper of discovery.getProviders()) {
    const type = wrapper.metatype as unknown;
    if (!type || typeof type !== 'function' || !wrapper.instance) continue;
    const meta = Reflect.getMetadata(PROCESSOR_METADATA, type) as
      | { name?: string }
      | undefined;
    if (!meta?.name) continue;
    const handlers =
      (wrapper.instance as { handlers?: Record<string, unknown> }).handlers ??
      {};
    handled.set(meta.name, new Set(Object.keys(handlers)));
  }
  const problems: string[] = [];
  for (const queue of Object.values(QueueName)) {
    const names = handled.get(queue);
    if (!names) {
      problems.push(`queue "${queue}" has no processor`);
      continue;
    }
    for (const job of JOB_NAMES_BY_QUEUE[queue]) {
      if (!names.has(job))
        problems.push(`job "${job}" on queue "${queue}" has no handler`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Worker refuses to start: ${problems.join('; ')}`);
  }
}
