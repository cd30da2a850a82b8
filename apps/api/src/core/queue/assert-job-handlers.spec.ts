import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { assertEveryJobHasAHandler } from './assert-job-handlers';
import { JOB_NAMES_BY_QUEUE, QueueName, SystemJobName } from './queue-names';

@Processor(QueueName.System)
class CompleteProcessor extends WorkerHost {
  readonly handlers = { [SystemJobName.WorkerProbe]: async () => undefined };
  async process(): Promise<void> {
    return undefined;
  }
}

@Processor(QueueName.System)
class IncompleteProcessor extends WorkerHost {
  readonly handlers = {};
  async process(): Promise<void> {
    return undefined;
  }
}

/** Complete processors for every queue but System, so each case below varies System's alone. */
const OTHER_QUEUES = Object.values(QueueName)
  .filter((queue) => queue !== QueueName.System)
  .map((queue) => {
    class OtherQueueProcessor extends WorkerHost {
      readonly handlers = Object.fromEntries(
        JOB_NAMES_BY_QUEUE[queue].map((name) => [name, async () => undefined]),
      );
      async process(): Promise<void> {
        return undefined;
      }
    }
    Processor(queue)(OtherQueueProcessor);
    return OtherQueueProcessor;
  });

async function contextWith(
  providers: Array<new (...args: never[]) => unknown>,
) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers,
  }).compile();
  return moduleRef;
}

describe('assertEveryJobHasAHandler', () => {
  it('accepts processors that handle every job name of every queue', async () => {
    const app = await contextWith([CompleteProcessor, ...OTHER_QUEUES]);
    expect(() => assertEveryJobHasAHandler(app)).not.toThrow();
  });

  it('refuses a job name without a handler', async () => {
    const app = await contextWith([IncompleteProcessor, ...OTHER_QUEUES]);
    expect(() => assertEveryJobHasAHandler(app)).toThrow(
      `job "${SystemJobName.WorkerProbe}" on queue "${QueueName.System}" has no handler`,
    );
  });

  it('refuses a queue without a processor', async () => {
    const app = await contextWith([]);
    expect(() => assertEveryJobHasAHandler(app)).toThrow(
      `queue "${QueueName.System}" has no processor`,
    );
  });
});
