import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config/load-config';
import { dataSourceOptions } from '../src/core/database/data-source';
import { createDatabase, uniqueName } from './test-database';

/**
 * One fresh, migrated database and one Redis key prefix per test run: runs never collide with each
 * other and never touch the demo data. The variables set here reach every test worker.
 */
export default async function globalSetup(): Promise<void> {
  const name = uniqueName('moisson_test');
  const url = await createDatabase(name);
  const config = loadConfig({ ...process.env, DATABASE_URL: url });
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env['TEST_ADMIN_DATABASE_URL'] =
    process.env['TEST_ADMIN_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? '';
  if (!process.env['TEST_ADMIN_DATABASE_URL'])
    delete process.env['TEST_ADMIN_DATABASE_URL'];
  process.env['DATABASE_URL'] = url;
  process.env['TEST_DATABASE_NAME'] = name;
  process.env['REDIS_URL'] =
    process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  process.env['REDIS_PREFIX'] = uniqueName('moisson-test').replace(/_/g, '-');
  process.env['LOG_LEVEL'] = process.env['LOG_LEVEL'] ?? 'silent';
  process.env['NODE_ENV'] = 'test';
}
