import { deleteRedisPrefix, dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const name = process.env['TEST_DATABASE_NAME'];
  if (name && process.env['KEEP_TEST_DATABASE'] !== '1')
    await dropDatabase(name);
  const prefix = process.env['REDIS_PREFIX'];
  if (prefix?.startsWith('moisson-test'))
    await deleteRedisPrefix(
      process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      prefix,
    );
}
