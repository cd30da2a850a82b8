import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/**
 * The one description of the database, shared by the API, the worker, the migration step and the
 * TypeORM CLI (data-source.cli.ts). Schema changes go through migrations only: synchronize is off everywhere.
 */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    connectTimeoutMS: 5000,
    extra: { max: 10, application_name: 'moisson' },
  };
}
