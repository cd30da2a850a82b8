#!/usr/bin/env node
// Wraps the TypeORM CLI with the project's one data source (apps/api/src/core/database/data-source.cli.ts).
//   npm run db:migration:generate -- AddWorkers   writes apps/api/src/database/migrations/<timestamp>-AddWorkers.ts
//   npm run db:migration:check                    exits 1 if the entities differ from the migrated schema
// Afterwards, list a new migration in apps/api/src/core/database/migrations.ts.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const [command, name] = process.argv.slice(2);
const dataSource = 'apps/api/src/core/database/data-source.cli.ts';

let args;
if (command === 'generate') {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error(
      'Give the migration a PascalCase name: npm run db:migration:generate -- AddWorkers',
    );
    process.exit(2);
  }
  args = [
    'migration:generate',
    `apps/api/src/database/migrations/${name}`,
    '-d',
    dataSource,
    '--pretty',
  ];
} else if (command === 'check') {
  args = [
    'migration:generate',
    'apps/api/src/database/migrations/Unexpected',
    '-d',
    dataSource,
    '--check',
  ];
} else {
  console.error('usage: migration.mjs generate <Name> | check');
  process.exit(2);
}

const result = spawnSync(
  process.execPath,
  [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    require.resolve('typeorm/cli.js'),
    ...args,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_PROJECT: 'apps/api/tsconfig.app.json' },
  },
);
process.exit(result.status ?? 1);
