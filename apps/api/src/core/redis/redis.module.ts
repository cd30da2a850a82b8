import {
  Global,
  Inject,
  Injectable,
  Module,
  OnModuleDestroy,
} from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptions } from '../queue/redis-options';

/**
 * A shared Redis client for short-lived counters (sign-in throttling). Fails fast while Redis is away.
 * Every key goes under REDIS_PREFIX.
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: Redis;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.client = new Redis(redisOptions(config.REDIS_URL, 'producer'));
    this.client.on('error', () => undefined); // callers get the error from the command itself
  }

  key(...parts: string[]): string {
    return [this.config.REDIS_PREFIX, ...parts].join(':');
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}

@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
