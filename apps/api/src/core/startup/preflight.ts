import { createServer } from 'node:net';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from '../database/migrations';
import { MIGRATIONS_TABLE } from '../database/data-source';
import { describeConnectionError } from './describe-connection-error';

/** A problem found before boot, reported as one line and exit code 1. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** PostgreSQL must answer and every migration must be applied (npm run db:migrate). */
export async function checkDatabase(config: AppConfig): Promise<void> {
  const url = new URL(config.DATABASE_URL);
  const target = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  const client = new Client({
    connectionString: config.DATABASE_URL,
    connectionTimeoutMillis: 5000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(
      `${describeConnectionError(error, 'PostgreSQL', target)} Check DATABASE_URL.`,
    );
  }
  try {
    const applied = await appliedMigrations(client);
    const pending = MIGRATIONS.map((m) => m.name).filter(
      (name) => !applied.has(name),
    );
    if (pending.length > 0) {
      throw new StartupError(
        `The database at ${target} lacks ${pending.length} migration(s) (${pending.join(', ')}): run "npm run db:migrate" first.`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function appliedMigrations(client: Client): Promise<Set<string>> {
  const exists = await client.query<{ t: string | null }>(
    'SELECT to_regclass($1) AS t',
    [MIGRATIONS_TABLE],
  );
  if (!exists.rows[0].t) return new Set();
  const rows = await client.query<{ name: string }>(
    `SELECT name FROM ${MIGRATIONS_TABLE}`,
  );
  return new Set(rows.rows.map((r) => r.name));
}

/** The HTTP port must be free, so a taken port is one clear line rather than a stack trace. */
export async function checkPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${port} is already in use: stop the program using it or set PORT to a free port.`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(
            `Port ${port} needs more privileges: set PORT to a number above 1024.`,
          ),
        );
      } else {
        reject(
          new StartupError(
            `Cannot listen on ${host}:${port}: ${error.message}`,
          ),
        );
      }
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
