import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ComponentHealth, HealthResponse } from '@moisson/contract';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { redisOptions } from '../../core/queue/redis-options';
import { describeConnectionError } from '../../core/startup/describe-connection-error';

const CHECK_TIMEOUT_MS = 2000;

/** Checks Postgres and Redis separately, each with a short timeout. */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.redis = new Redis(redisOptions(config.REDIS_URL, 'probe'));
    this.redis.on('error', () => undefined); // reported by check(), not as an unhandled event
  }

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1'), 'PostgreSQL'),
      timed(() => this.pingRedis(), 'Redis'),
    ]);
    const ok = database.status === 'ok' && redis.status === 'ok';
    return {
      status: ok ? 'ok' : 'degraded',
      version: this.config.APP_VERSION,
      checkedAt: new Date().toISOString(),
      checks: { api: { status: 'ok', latencyMs: 0 }, database, redis },
    };
  }

  private async pingRedis(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      await this.redis.connect();
    }
    await this.redis.ping();
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

async function timed(
  run: () => Promise<unknown>,
  what: string,
): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `${what} did not answer within ${CHECK_TIMEOUT_MS / 1000} s`,
              ),
            ),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: describeConnectionError(error, what),
    };
  } finally {
    clearTimeout(timer);
  }
}
