import { bullPrefix, redisOptions } from './redis-options';

describe('redisOptions', () => {
  it('parses host, port, credentials, database and TLS from the URL', () => {
    const o = redisOptions(
      'rediss://user:p%40ss@cache.local:6380/2',
      'producer',
    );
    expect(o).toMatchObject({
      host: 'cache.local',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
    });
  });

  it('lets workers retry forever so they survive a Redis restart', () => {
    expect(redisOptions('redis://127.0.0.1:6379', 'worker')).toMatchObject({
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
    });
  });

  it('makes the API producer and the health probe fail fast', () => {
    expect(redisOptions('redis://127.0.0.1', 'producer')).toMatchObject({
      port: 6379,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    const probe = redisOptions('redis://127.0.0.1', 'probe');
    expect(probe).toMatchObject({
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    expect(probe.retryStrategy?.(1)).toBeNull();
  });

  it('puts BullMQ keys under the instance prefix', () => {
    expect(bullPrefix('moisson-test-1')).toBe('moisson-test-1:bull');
  });
});
