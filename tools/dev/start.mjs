#!/usr/bin/env node
// npm start: everything a person needs to see Moisson running at http://localhost:3000.
// 1. finds PostgreSQL, Redis and SMTP (or starts embedded/private ones, and a mail catcher),
// 2. builds what is missing (Nx caches the rest), 3. applies migrations,
// 4. starts the API (serving the web app) and the worker, 5. prints the addresses. Ctrl-C stops it all.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensurePostgres,
  ensureRedis,
  ensureSmtp,
  isPortFree,
  LaunchError,
  NX_ENV,
  packageVersion,
  run,
} from '../lib/services.mjs';
import { startStack } from '../lib/stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, '.data');
const log = (message) => process.stdout.write(`[moisson] ${message}\n`);
const stops = [];

async function main() {
  const { config: loadDotenv } = await import('dotenv');
  if (existsSync(join(root, '.env')))
    loadDotenv({ path: join(root, '.env'), quiet: true });
  const env = { ...process.env };
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new LaunchError(
      `PORT must be a number from 1 to 65535, got "${env.PORT}".`,
    );
  if (!(await isPortFree(port))) {
    throw new LaunchError(
      `Port ${port} is already in use: stop the program using it, or start on another port with PORT=3001 npm start.`,
    );
  }

  const pg = await ensurePostgres({ env, dataDir, log });
  stops.push(pg.stop);
  const redis = await ensureRedis({ env, dataDir, log });
  stops.push(redis.stop);
  const smtp = await ensureSmtp({ env, log });
  stops.push(smtp.stop);

  log(
    'Building the API and the web app (the first build takes about a minute; later ones are cached)...',
  );
  run(
    process.execPath,
    [
      join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'web',
      '--output-style=static',
    ],
    {
      cwd: root,
      env: { ...env, ...NX_ENV },
      what: 'The build',
    },
  );

  const appEnv = {
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'production',
    PORT: String(port),
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    SMTP_URL: smtp.url,
    APP_VERSION: env.APP_VERSION ?? packageVersion(root),
    WEB_DIST_DIR:
      env.WEB_DIST_DIR ?? join(root, 'dist', 'apps', 'web', 'browser'),
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${port}`,
    APP_SECRET: env.APP_SECRET ?? localSecret(dataDir),
  };
  const verbose = env.LOG_FORMAT === 'json';
  const stack = await startStack({
    root,
    env: appEnv,
    onLine: (name, line) =>
      process.stdout.write(verbose ? `${line}\n` : formatLine(name, line)),
  });
  stops.unshift(stack.stop);

  const line = '-'.repeat(64);
  process.stdout.write(
    [
      line,
      `  Moisson is running:   http://localhost:${port}`,
      `  API documentation:    http://localhost:${port}/api/docs`,
      `  Mail inbox (dev):     ${smtp.inbox ?? `none started: mail goes to ${smtp.source}`}`,
      `  PostgreSQL:           ${pg.source}`,
      `  Redis:                ${redis.source}`,
      ...demoLines(stack.demo),
      '  Stop with Ctrl-C.',
      line,
      '',
    ].join('\n'),
  );
  const exited = await Promise.race([
    stack.api.exitCodePromise.then(() => 'api'),
    stack.worker.exitCodePromise.then(() => 'worker'),
  ]);
  if (stopping) return; // Ctrl-C: the processes were stopped on purpose
  throw new LaunchError(
    `The ${exited} process stopped unexpectedly (see above).`,
  );
}

/**
 * A secret of this checkout for encrypting two-factor secrets, generated once under .data/ (production
 * deployments set APP_SECRET themselves).
 */
function localSecret(dir) {
  const file = join(dir, 'app-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function demoLines(demo) {
  const accounts = demo?.accounts ?? [];
  if (accounts.length === 0)
    return [
      '  Demo sign-ins:        none (the database already had other users)',
    ];
  const lines = [
    `  Demo sign-ins (password ${accounts[0].password}${demo.seeded ? '' : ', unless changed'}):`,
  ];
  for (const a of accounts) {
    const who = a.employer ? `${a.role}, ${a.employer}` : a.role;
    lines.push(`    ${a.email.padEnd(42)} ${who}`);
    if (a.totpSecret)
      lines.push(
        `      two-factor secret ${a.totpSecret} (add it to an authenticator app)`,
      );
  }
  return lines;
}

/** Short human lines from pino JSON; anything else is shown as is. */
function formatLine(name, line) {
  try {
    const entry = JSON.parse(line);
    const level =
      {
        10: 'trace',
        20: 'debug',
        30: 'info',
        40: 'warn',
        50: 'error',
        60: 'fatal',
      }[entry.level] ?? 'info';
    if (entry.req && entry.res) {
      return `[${name}] ${level} ${entry.req.method} ${entry.req.url} -> ${entry.res.statusCode} (${entry.responseTime} ms)\n`;
    }
    if (level === 'info' && entry.context === 'InstanceLoader') return '';
    return `[${name}] ${level} ${entry.context ? `${entry.context}: ` : ''}${entry.msg ?? ''}${entry.err ? ` ${entry.err.message}` : ''}\n`;
  } catch {
    return `[${name}] ${line}\n`;
  }
}

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const stop of stops) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => {
  log('Stopping...');
  void shutdown(0);
});
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error) => {
  process.stderr.write(
    `[moisson] ${error instanceof LaunchError ? error.message : error.stack}\n`,
  );
  await shutdown(1);
});
