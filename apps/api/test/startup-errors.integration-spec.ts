import { createServer, Server } from 'node:net';
import { createDatabase, dropDatabase, uniqueName } from './test-database';
import { runEntry } from './dist-process';

/** A start-up problem must be one clear line on stderr and exit code 1: no stack trace. */
function expectOneClearLine(
  result: { code: number | null; stderr: string },
  pattern: RegExp,
): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

async function listenOnFreePort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('start-up errors of the built processes', () => {
  it('names an invalid DATABASE_URL', async () => {
    const result = await runEntry('main', {
      DATABASE_URL: 'mysql://nope',
      PORT: '0',
    });
    expectOneClearLine(
      result,
      /^moisson api: Invalid configuration: DATABASE_URL got "mysql:\/\/nope": DATABASE_URL must look like postgres:\/\//,
    );
  });

  it('names an invalid PORT', async () => {
    const result = await runEntry('main', { PORT: 'eighty' });
    expectOneClearLine(result, /Invalid configuration: PORT got "eighty"/);
  });

  it('never echoes a password from a bad URL', async () => {
    const result = await runEntry('worker', {
      REDIS_URL: 'http://user:s3cret@host:6379',
    });
    expectOneClearLine(
      result,
      /REDIS_URL got "http:\/\/user:\*\*\*@host:6379"/,
    );
    expect(result.stderr).not.toContain('s3cret');
  });

  it('says PostgreSQL cannot be reached when nothing listens at DATABASE_URL', async () => {
    const { server, port } = await listenOnFreePort();
    await new Promise((r) => server.close(r)); // now surely closed
    const result = await runEntry('main', {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/moisson`,
      PORT: '0',
    });
    expectOneClearLine(
      result,
      new RegExp(
        `Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}/moisson: connection refused.*DATABASE_URL`,
      ),
    );
  });

  it('says the database does not exist', async () => {
    const url = new URL(process.env['DATABASE_URL'] as string);
    url.pathname = '/moisson_does_not_exist_42';
    const result = await runEntry('migrate', { DATABASE_URL: url.toString() });
    expectOneClearLine(
      result,
      /moisson migrate: PostgreSQL at .*moisson_does_not_exist_42.*does not exist/,
    );
  });

  it('says the port is taken', async () => {
    const { server, port } = await listenOnFreePort();
    try {
      const result = await runEntry('main', { PORT: String(port) });
      expectOneClearLine(
        result,
        new RegExp(
          `^moisson api: Port ${port} is already in use: stop the program using it or set PORT to a free port\\.$`,
        ),
      );
    } finally {
      server.close();
    }
  });

  it('refuses to serve an unmigrated database and says how to migrate it', async () => {
    const name = uniqueName('moisson_unmigrated');
    const url = await createDatabase(name);
    try {
      const api = await runEntry('main', { DATABASE_URL: url, PORT: '0' });
      expectOneClearLine(
        api,
        /lacks \d+ migration\(s\) \(Init\d+, .*\): run "npm run db:migrate" first/,
      );
      const worker = await runEntry('worker', { DATABASE_URL: url });
      expectOneClearLine(
        worker,
        /^moisson worker: .*run "npm run db:migrate" first/,
      );

      const migrate = await runEntry('migrate', { DATABASE_URL: url });
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toMatch(/Applied \d+ migration\(s\): Init\d+, /);
      const again = await runEntry('migrate', { DATABASE_URL: url });
      expect(again.stdout).toMatch(/Database schema is up to date/);
    } finally {
      await dropDatabase(name);
    }
  });
});
