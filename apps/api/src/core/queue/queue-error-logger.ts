import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { describeConnectionError } from '../startup/describe-connection-error';
import { QueueName } from './queue-names';

const QUIET_MS = 30000;

/**
 * BullMQ prints connection errors to the console when nobody listens. This listens, and logs one
 * structured line per queue at most every 30 s while Redis is away, instead of a flood.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queue');
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), {
        strict: false,
      });
      queue.on('error', (error: Error) => {
        const now = Date.now();
        if (now - (this.lastLogged.get(name) ?? 0) < QUIET_MS) return;
        this.lastLogged.set(name, now);
        this.logger.warn(
          `Queue "${name}": ${describeConnectionError(error, 'Redis')}`,
        );
      });
    }
  }
}
