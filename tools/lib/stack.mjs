// Starts the built portal: migration step, demo seed (empty database only), then the API (which serves
// the web app) and the worker.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LaunchError, run, waitForHealth } from './services.mjs';

/**
 * V8 flags of the API process (also in package.json "start:api", the Dockerfile and
 * docker-compose.yml): a 64 MB young generation instead of 16 MB. Each list request allocates a
 * page of rows, items and JSON; with the default the API spent a large share of its CPU in
 * scavenges under load (docs/performance.md, "Changes").
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * @param {object} o
 * @param {string} o.root repository root
 * @param {Record<string,string>} o.env environment for the processes (DATABASE_URL, REDIS_URL, SMTP_URL, PORT...)
 * @param {(name: string, line: string) => void} o.onLine receives every output line of api and worker
 */
export async function startStack({ root, env, onLine }) {
  const dist = join(root, 'dist', 'apps', 'api');
  run(process.execPath, [join(dist, 'migrate.js')], {
    cwd: root,
    env,
    what: 'Applying database migrations',
  });
  const seed = spawnSync(process.execPath, [join(dist, 'seed.js')], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0)
    throw new LaunchError(
      `Seeding the demo data failed (${seed.signal ?? `exit code ${seed.status}`}): ${seed.stderr.trim() || seed.stdout.trim() || 'no message'}`,
    );
  /** {seeded: true, accounts: [...]} on an empty database, {seeded: false} otherwise. */
  const demo = JSON.parse(seed.stdout.trim().split('\n').pop() ?? '{}');

  const children = [];
  const start = (name, file, nodeFlags = []) => {
    const child = spawn(process.execPath, [...nodeFlags, join(dist, file)], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) =>
        onLine(name, line),
      );
    }
    child.exitCodePromise = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal)),
    );
    children.push(child);
    return child;
  };
  const api = start('api', 'main.js', API_NODE_FLAGS);
  const worker = start('worker', 'worker.js');
  const baseUrl = `http://localhost:${env.PORT}`;
  try {
    await waitForHealth(
      baseUrl,
      90000,
      () => api.exitCode === null && worker.exitCode === null,
    );
  } catch (error) {
    await stopAll(children);
    throw error instanceof LaunchError ? error : new LaunchError(String(error));
  }
  return { baseUrl, api, worker, demo, stop: () => stopAll(children) };
}

async function stopAll(children) {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await child.exitCodePromise;
      clearTimeout(timer);
    }),
  );
}
