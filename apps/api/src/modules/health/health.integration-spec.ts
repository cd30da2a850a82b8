import { createServer, Server, Socket } from 'node:net';
import { HealthResponse } from '@moisson/contract';
import { createTestApp } from '../../../test/test-app';

/** A TCP relay to the real PostgreSQL that the test can cut, to see the database go down. */
async function startRelay(target: URL): Promise<{
  port: number;
  cut: () => Promise<void>;
  restore: () => void;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let accepting = true;
  const server: Server = createServer((client) => {
    if (!accepting) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    upstream.connect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut: async () => {
      accepting = false;
      for (const s of sockets) s.destroy();
    },
    restore: () => {
      accepting = true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('GET /api/health', () => {
  it('answers 200 with API, database and Redis ok, and echoes a sane request id', async () => {
    const app = await createTestApp();
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': 'abc-123' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id']).toBe('abc-123');
      const body = res.json<HealthResponse>();
      expect(body.status).toBe('ok');
      expect(body.checks.api.status).toBe('ok');
      expect(body.checks.database).toMatchObject({ status: 'ok' });
      expect(body.checks.redis).toMatchObject({ status: 'ok' });
      expect(body.checks.database.error).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('replaces an unsafe request id with a generated one', async () => {
    const app = await createTestApp();
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': 'bad id\nwith newline' },
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming Redis when Redis does not answer, while the database is ok', async () => {
    const app = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      const body = res.json<HealthResponse>();
      expect(body.status).toBe('degraded');
      expect(body.checks.database.status).toBe('ok');
      expect(body.checks.redis.status).toBe('down');
      expect(body.checks.redis.error).toMatch(/Cannot reach Redis/);
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming the database when PostgreSQL goes away, and 200 again once it is back', async () => {
    const real = new URL(process.env['DATABASE_URL'] as string);
    const relay = await startRelay(real);
    const viaRelay = new URL(real.toString());
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    const app = await createTestApp({ DATABASE_URL: viaRelay.toString() });
    try {
      expect(
        (await app.inject({ method: 'GET', url: '/api/health' })).statusCode,
      ).toBe(200);

      await relay.cut();
      const down = await app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      const body = down.json<HealthResponse>();
      expect(body.checks.database.status).toBe('down');
      expect(body.checks.database.error).toMatch(/PostgreSQL/);
      expect(body.checks.redis.status).toBe('ok');
      expect(down.body).not.toMatch(/\bat .+\.js:\d+/); // no stack trace

      relay.restore();
      const back = await app.inject({ method: 'GET', url: '/api/health' });
      expect(back.statusCode).toBe(200);
      expect(back.json<HealthResponse>().checks.database.status).toBe('ok');
    } finally {
      await app.close();
      await relay.close();
    }
  });
});
