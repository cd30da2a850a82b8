import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './core/config/load-config';
import { dataSourceOptions } from './core/database/data-source';
import { checkDatabase } from './core/startup/preflight';
import { runOrExit } from './core/startup/run-or-exit';
import { existingDemoAccounts, seedDemo } from './database/seeds/seed-demo';

/**
 * Demo data into an empty database (npm start does it). Prints one JSON line:
 * {"seeded":true|false,"accounts":[...the demo accounts present...]}.
 */
runOrExit('seed', async () => {
  const config = loadConfig();
  await checkDatabase(config);
  const dataSource = await new DataSource(
    dataSourceOptions(config),
  ).initialize();
  try {
    const seeded = await seedDemo(dataSource, config);
    const accounts = seeded ?? (await existingDemoAccounts(dataSource));
    process.stdout.write(`${JSON.stringify({ seeded: !!seeded, accounts })}\n`);
  } finally {
    await dataSource.destroy();
  }
});
