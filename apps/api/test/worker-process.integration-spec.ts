import { randomUUID } from 'node:crypto';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QueueName, SystemJobName } from '../src/core/queue/queue-names';
import { bullPrefix } from '../src/core/queue/redis-options';
import { startEntry } from './dist-process';
import { eventually } from './test-app';

async function insertProbe(id: string): Promise<void> {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    await client.query('INSERT INTO worker_probe (id) VALUES ($1)', [id]);
  } finally {
    await client.end();
  }
}

async function processedAt(id: string): Promise<Date | null> {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    const res = await client.query(
      'SELECT processed_at FROM worker_probe WHERE id = $1',
      [id],
    );
    return res.rows[0]?.processed_at ?? null;
  } finally {
    await client.end();
  }
}

function queueOn(redisUrl: string, prefix: string): Queue {
  const url = new URL(redisUrl);
  return new Queue(QueueName.System, {
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      maxRetriesPerRequest: null,
    },
    prefix: bullPrefix(prefix),
  });
}

describe('the worker process (dist/apps/api/worker.js)', () => {
  it('on SIGTERM lets the active job finish, writes its result, then exits 0', async () => {
    const prefix = `${process.env['REDIS_PREFIX']}-drain`;
    const queue = queueOn(process.env['REDIS_URL'] as string, prefix);
    const worker = await startEntry(
      'worker',
      { REDIS_PREFIX: prefix, LOG_LEVEL: 'info' },
      /Worker started/,
    );
    try {
      const id = randomUUID();
      await insertProbe(id);
      const job = await queue.add(
        SystemJobName.WorkerProbe,
        { probeId: id, simulatedWorkMs: 1500 },
        { jobId: `probe-${id}` },
      );
      await eventually(async () => (await job.getState()) === 'active');

      worker.child.kill('SIGTERM');
      const code = await worker.exited;
      expect(code).toBe(0);
      expect(await processedAt(id)).toBeInstanceOf(Date); // finished before the process left
      expect(await job.getState()).toBe('completed');
      expect(worker.output()).toMatch(/draining active jobs/);
      expect(worker.output()).toMatch(/Worker stopped cleanly/);
    } finally {
      worker.child.kill('SIGKILL');
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });

  const redisServer =
    spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;
  (redisServer ? it : it.skip)(
    'survives a Redis restart and processes jobs queued afterwards',
    async () => {
      const port = await new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as { port: number }).port;
          s.close(() => resolve(p));
        });
      });
      const startRedis = (): ChildProcess =>
        spawn(
          'redis-server',
          [
            '--port',
            String(port),
            '--bind',
            '127.0.0.1',
            '--save',
            '',
            '--appendonly',
            'no',
          ],
          { stdio: 'ignore' },
        );
      const redisUrl = `redis://127.0.0.1:${port}`;
      let redis = startRedis();
      const queue = queueOn(redisUrl, 'restart-test');
      await queue.waitUntilReady();
      const worker = await startEntry(
        'worker',
        {
          REDIS_URL: redisUrl,
          REDIS_PREFIX: 'restart-test',
          LOG_LEVEL: 'info',
        },
        /Worker started/,
      );
      try {
        redis.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 1500));
        redis = startRedis();

        const id = randomUUID();
        await insertProbe(id);
        await queue.add(
          SystemJobName.WorkerProbe,
          { probeId: id },
          { jobId: `probe-${id}` },
        );
        await eventually(async () => processedAt(id), 20000);
        expect(worker.child.exitCode).toBeNull(); // still running
      } finally {
        worker.child.kill('SIGKILL');
        await queue.close();
        redis.kill('SIGKILL');
      }
    },
    40000,
  );
});
