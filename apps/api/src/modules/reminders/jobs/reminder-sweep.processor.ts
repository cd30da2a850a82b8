import { PARIS_TIME_ZONE } from '@moisson/domain';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import {
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { JobHandlers } from '../../../core/queue/job-handlers';
import { JOB_OPTIONS } from '../../../core/queue/job-options';
import {
  QueueName,
  ReminderSweepJobName,
  ReminderSweepJobPayloads,
} from '../../../core/queue/queue-names';
import { ReminderSweepService } from '../reminder-sweep.service';

/** The hourly sweep's scheduler id: upserting it again at each start changes nothing. */
export const REMINDER_SWEEP_SCHEDULER_ID = 'reminder-sweep-hourly';
/** Every hour on the hour, Paris time (so the 07:00 sweep queues the 07:00 digests). */
export const REMINDER_SWEEP_PATTERN = '0 * * * *';
/**
 * The worker upserts the schedule again this often: a Redis that lost its data (FLUSHALL, a restart
 * without persistence) gets its hourly sweep back within this delay, without a worker restart.
 */
export const REMINDER_SCHEDULE_REFRESH_MS = 10 * 60_000;

/**
 * Runs the reminder sweep (one at a time per worker), and registers the hourly job scheduler when
 * the worker starts: upsertJobScheduler is idempotent, so any number of workers and restarts keep
 * exactly one schedule. Recurring work lives here, never in a @Cron of the API.
 */
@Processor(QueueName.ReminderSweep, { concurrency: 1 })
export class ReminderSweepProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger(ReminderSweepProcessor.name);
  private refresh?: NodeJS.Timeout;

  readonly handlers: JobHandlers<ReminderSweepJobPayloads> = {
    [ReminderSweepJobName.Sweep]: async ({ trigger, sendDigestsNow }) => {
      const result = await this.sweeps.run(undefined, { sendDigestsNow });
      this.logger.log({ trigger, ...result }, 'reminder sweep');
    },
  };

  constructor(
    private readonly sweeps: ReminderSweepService,
    @InjectQueue(QueueName.ReminderSweep) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSchedule();
    this.refresh = setInterval(() => {
      this.ensureSchedule().catch((error: Error) =>
        this.logger.warn(
          { error: error.message },
          'reminder schedule not refreshed',
        ),
      );
    }, REMINDER_SCHEDULE_REFRESH_MS);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  /** Creates the hourly schedule, or leaves the existing one as it is. */
  async ensureSchedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      REMINDER_SWEEP_SCHEDULER_ID,
      { pattern: REMINDER_SWEEP_PATTERN, tz: PARIS_TIME_ZONE },
      {
        name: ReminderSweepJobName.Sweep,
        data: { trigger: 'schedule' },
        opts: JOB_OPTIONS.reminderSweep,
      },
    );
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as ReminderSweepJobName];
    if (!handler)
      throw new UnrecoverableError(
        `No handler for job "${job.name}" on queue "${QueueName.ReminderSweep}"`,
      );
    await handler(job.data);
  }
}
