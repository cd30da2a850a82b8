import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { Job } from 'bullmq';
import {
  QueueName,
  SystemJobName,
  SystemJobPayloads,
} from '../../../core/queue/queue-names';
import { JobHandlers } from '../../../core/queue/job-handlers';
import { WorkerProbeService } from '../worker-probe.service';

/** Processes the system queue (one processor class per queue). */
@Processor(QueueName.System)
export class SystemProcessor
  extends WorkerHost
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger(SystemProcessor.name);

  /** Every job name of the queue has a handler: the type makes a missing one a compile error. */
  readonly handlers: JobHandlers<SystemJobPayloads> = {
    [SystemJobName.WorkerProbe]: async ({ probeId, simulatedWorkMs }) => {
      if (simulatedWorkMs) await sleep(Math.min(simulatedWorkMs, 10000));
      const first = await this.probes.markProcessed(
        probeId,
        `${hostname()}:${process.pid}`,
      );
      this.logger.log({ probeId, first }, 'worker probe processed');
    },
  };

  constructor(
    private readonly probes: WorkerProbeService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as SystemJobName];
    if (!handler) {
      throw new Error(
        `No handler for job "${job.name}" on queue "${QueueName.System}"`,
      );
    }
    await handler(job.data);
  }
}
