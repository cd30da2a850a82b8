import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './core/config/load-config';
import { dataSourceOptions } from './core/database/data-source';
import { StartupError } from './core/startup/preflight';
import { describeConnectionError } from './core/startup/describe-connection-error';
import { runOrExit } from './core/startup/run-or-exit';

/** The explicit migration step (npm run db:migrate), run before the API starts. Each migration in its own transaction. */
runOrExit('migrate', async () => {
  const config = loadConfig();
  const dataSource = new DataSource({
    ...dataSourceOptions(config),
    logging: ['error'],
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    const url = new URL(config.DATABASE_URL);
    throw new StartupError(
      `${describeConnectionError(error, 'PostgreSQL', `${url.hostname}:${url.port || 5432}${url.pathname}`)} Check DATABASE_URL.`,
    );
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((m) => m.name);
    process.stdout.write(
      names.length
        ? `Applied ${names.length} migration(s): ${names.join(', ')}\n`
        : 'Database schema is up to date.\n',
    );
  } finally {
    await dataSource.destroy();
  }
});
