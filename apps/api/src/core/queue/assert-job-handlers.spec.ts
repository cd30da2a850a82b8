import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { assertEveryJobHasAHandler } from './assert-job-handlers';
import { QueueName, SystemJobName } from './queue-names';

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
    const app = await contextWith([CompleteProcessor]);
    expect(() => assertEveryJobHasAHandler(app)).not.toThrow();
  });

  it('refuses a job name without a handler', async () => {
    const app = await contextWith([IncompleteProcessor]);
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
