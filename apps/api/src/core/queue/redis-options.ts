import { RedisOptions } from 'ioredis';

export type RedisRole = 'worker' | 'producer' | 'probe';

/**
 * ioredis options from REDIS_URL.
 * - worker: retries forever (maxRetriesPerRequest: null) so a Redis restart is survived, as BullMQ requires;
 * - producer (the API's queues): fails fast instead of queueing commands while Redis is away, so an HTTP
 *   request gets a clear 503 rather than hanging;
 * - probe (health check): one short attempt.
 */
export function redisOptions(redisUrl: string, role: RedisRole): RedisOptions {
  const url = new URL(redisUrl);
  const base: RedisOptions = {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  };
  switch (role) {
    case 'worker':
      return { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
    case 'producer':
      return { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false };
    case 'probe':
      return {
        ...base,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        connectTimeout: 2000,
        retryStrategy: () => null,
      };
  }
}

/** BullMQ key prefix for this instance, under REDIS_PREFIX. */
export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix}:bull`;
}
