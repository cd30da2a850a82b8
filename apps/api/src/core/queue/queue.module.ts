import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QueueErrorLogger } from './queue-error-logger';
import { QueueName } from './queue-names';
import { bullPrefix, redisOptions, RedisRole } from './redis-options';

/**
 * BullMQ on Redis. The API registers queues as a producer; the worker process registers the same
 * queues and adds processors. Postgres is the source of truth: Redis only carries work.
 */
@Module({})
export class QueueModule {
  static forRoot(role: Exclude<RedisRole, 'probe'>): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // ioredis options; BullMQ's own option type is a looser copy of them.
            connection: redisOptions(
              config.REDIS_URL,
              role,
            ) as ConnectionOptions,
            prefix: bullPrefix(config.REDIS_PREFIX),
          }),
        }),
        BullModule.registerQueue(
          ...Object.values(QueueName).map((name) => ({ name })),
        ),
      ],
      providers: [QueueErrorLogger],
      exports: [BullModule],
    };
  }
}
