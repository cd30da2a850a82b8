import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../../core/config/app-config';
import {
  QueueName,
  ReminderSendJobName,
  ReminderSendJobPayloads,
} from '../../../core/queue/queue-names';
import { ReminderDeliveryService } from '../reminder-delivery.service';

/** A handler per job name; the job tells whether this is its last attempt. */
type SendHandlers = {
  [Name in ReminderSendJobName]: (
    payload: ReminderSendJobPayloads[Name],
    job?: Job,
  ) => Promise<void>;
};

/** True when BullMQ will not try this job again after a failure. */
export function isLastAttempt(job: Job | undefined): boolean {
  return !job || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** Sends reminder e-mails: a recipient's digest, or one urgent reminder. */
@Processor(QueueName.ReminderSend)
export class ReminderSendProcessor
  extends WorkerHost
  implements OnApplicationBootstrap
{
  readonly handlers: SendHandlers = {
    [ReminderSendJobName.Digest]: async ({ recipient }, job) => {
      await this.delivery.deliverDigest(recipient, isLastAttempt(job));
    },
    [ReminderSendJobName.Urgent]: async ({ outboxId }, job) => {
      await this.delivery.deliverUrgent(outboxId, isLastAttempt(job));
    },
  };

  constructor(
    private readonly delivery: ReminderDeliveryService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as ReminderSendJobName] as
      | ((payload: unknown, job?: Job) => Promise<void>)
      | undefined;
    if (!handler)
      throw new UnrecoverableError(
        `No handler for job "${job.name}" on queue "${QueueName.ReminderSend}"`,
      );
    await handler(job.data, job);
  }
}
