#!/usr/bin/env node
// npm test: format, lint, type-check, build, unit tests, integration tests against the real
// PostgreSQL and Redis (a fresh database and Redis prefix per run), and Playwright end-to-end tests in
// headless Chromium against the started stack. Ends with one line: "N passed, N failed, N skipped".
//   npm test -- --only=unit,integration   runs a subset (steps: format, compose, lint, typecheck, build, unit, integration, e2e)
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import {
  dropDatabase,
  ensureDatabaseExists,
  ensureSmtp,
  ensurePostgres,
  ensureRedis,
  freePort,
  LaunchError,
  NX_ENV,
} from '../lib/services.mjs';
import { startStack } from '../lib/stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = join(root, 'tmp', 'test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
const wanted = (step) => !only || only.has(step);

const steps = [];
const counts = { passed: 0, failed: 0, skipped: 0 };
const say = (message) => process.stdout.write(`\n[test] ${message}\n`);

function step(name, fn) {
  if (!wanted(name)) return;
  say(`== ${name}`);
  const started = Date.now();
  let ok;
  try {
    ok = fn() !== false;
  } catch (error) {
    process.stdout.write(
      `${error instanceof LaunchError ? error.message : error.stack}\n`,
    );
    ok = false;
  }
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
}

async function asyncStep(name, fn) {
  if (!wanted(name)) return;
  say(`== ${name}`);
  const started = Date.now();
  let ok;
  try {
    ok = (await fn()) !== false;
  } catch (error) {
    process.stdout.write(
      `${error instanceof LaunchError ? error.message : error.stack}\n`,
    );
    ok = false;
  }
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
}

function sh(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...NX_ENV, ...env },
  });
  return result.status === 0;
}

function addJestCounts(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed +=
    report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}

function addPlaywrightCounts(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += stats.expected + (stats.flaky ?? 0);
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}

async function main() {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const log = (m) => process.stdout.write(`[test] ${m}\n`);
  const env = { ...process.env };

  step('format', () =>
    sh(bin('prettier'), ['--check', '.', '--log-level', 'warn']),
  );
  step('compose', () => {
    if (spawnSync('sh', ['-c', 'command -v docker-compose']).status !== 0) {
      process.stdout.write(
        'docker-compose is not installed: compose file not validated (apt-get install docker-compose).\n',
      );
      return true;
    }
    return sh('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q']);
  });
  step('lint', () =>
    sh(process.execPath, [
      join(root, 'node_modules/nx/dist/bin/nx.js'),
      'run-many',
      '-t',
      'lint',
      '--output-style=static',
      '--parallel=2',
    ]),
  );
  step('typecheck', () =>
    [
      'apps/api/tsconfig.app.json',
      'apps/api/tsconfig.spec.json',
      'apps/web/tsconfig.spec.typecheck.json', // jest's own config resolves like node10; type-check as the bundler resolves
      'apps/web-e2e/tsconfig.json',
      'libs/domain/tsconfig.lib.json',
      'libs/domain/tsconfig.spec.json',
      'libs/contract/tsconfig.lib.json',
      'libs/contract/tsconfig.spec.json',
    ]
      .map((project) => sh(bin('tsc'), ['-p', project, '--noEmit']))
      .every(Boolean),
  );
  // The production build of the web app also type-checks every template (strictTemplates).
  step('build', () =>
    sh(process.execPath, [
      join(root, 'node_modules/nx/dist/bin/nx.js'),
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'web',
      '--output-style=static',
    ]),
  );
  step('unit', () => {
    const out = join(results, 'unit.json');
    const ok = sh(bin('jest'), [
      '--ci',
      '--maxWorkers=2',
      '--json',
      `--outputFile=${out}`,
    ]);
    addJestCounts(out);
    return ok;
  });

  const needServices = wanted('integration') || wanted('e2e');
  const pg = needServices
    ? await ensurePostgres({
        env,
        dataDir: join(root, '.data'),
        log,
        databaseName: 'postgres',
      })
    : null;
  const redis = needServices
    ? await ensureRedis({ env, dataDir: join(root, '.data'), log })
    : null;
  try {
    step('integration', () => {
      const out = join(results, 'integration.json');
      const ok = sh(
        bin('jest'),
        [
          '-c',
          'apps/api/jest.integration.config.cts',
          '--ci',
          // One suite at a time: the suites share this run's database and start real processes.
          '--runInBand',
          '--json',
          `--outputFile=${out}`,
        ],
        {
          DATABASE_URL: pg.url,
          REDIS_URL: redis.url,
        },
      );
      addJestCounts(out);
      return ok;
    });

    await asyncStep('e2e', async () => {
      const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      const dbUrl = new URL(pg.url);
      dbUrl.pathname = `/moisson_e2e_${suffix}`;
      const port = await freePort();
      const out = join(results, 'e2e.json');
      const appEnv = {
        ...env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: dbUrl.toString(),
        REDIS_URL: redis.url,
        REDIS_PREFIX: `moisson-e2e-${suffix}`,
        WEB_DIST_DIR: join(root, 'dist', 'apps', 'web', 'browser'),
        APP_VERSION: 'e2e',
        // Refused sign-ins and 404s are the point of some specs: show only real errors.
        LOG_LEVEL: 'error',
        PUBLIC_URL: `http://localhost:${port}`,
        APP_SECRET: randomBytes(48).toString('base64url'),
        // Its own document store (the demo seed's papers, the specs' uploads), removed afterwards.
        STORAGE_DIR: mkdtempSync(join(tmpdir(), 'moisson-e2e-documents-')),
      };
      await ensureDatabaseExists(appEnv.DATABASE_URL);
      // A private mail catcher: the specs read the e-mails the portal sends through its web API.
      const mail = await ensureSmtp({ env: {}, log });
      appEnv.SMTP_URL = mail.url;
      let stack;
      try {
        stack = await startStack({
          root,
          env: appEnv,
          onLine: (name, line) => process.stdout.write(`[${name}] ${line}\n`),
        });
        const ok = sh(
          bin('playwright'),
          [
            'test',
            '-c',
            'apps/web-e2e/playwright.config.ts',
            '--reporter=list,json',
          ],
          {
            E2E_BASE_URL: stack.baseUrl,
            E2E_MAIL_API: mail.inbox,
            E2E_ACCOUNTS: JSON.stringify(
              Object.fromEntries(
                (stack.demo.accounts ?? []).map((a) => [a.key, a]),
              ),
            ),
            PLAYWRIGHT_JSON_OUTPUT_NAME: out,
          },
        );
        addPlaywrightCounts(out);
        return ok;
      } finally {
        await stack?.stop();
        await mail.stop();
        await dropDatabase(appEnv.DATABASE_URL).catch(() => undefined);
        rmSync(appEnv.STORAGE_DIR, { recursive: true, force: true });
      }
    });
  } finally {
    await redis?.stop();
    await pg?.stop();
  }

  process.stdout.write('\n[test] Summary\n');
  for (const s of steps)
    process.stdout.write(
      `[test]   ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(12)} ${s.seconds.toFixed(1)} s\n`,
    );
  const failedSteps = steps.filter((s) => !s.ok).map((s) => s.name);
  if (failedSteps.length)
    process.stdout.write(`[test] Failed steps: ${failedSteps.join(', ')}\n`);
  // A failed step that is not itself a test suite (format, lint, typecheck, build) counts as one failure.
  const stepFailures = failedSteps.filter(
    (n) => !['unit', 'integration', 'e2e'].includes(n),
  ).length;
  process.stdout.write(
    `${counts.passed} passed, ${counts.failed + stepFailures} failed, ${counts.skipped} skipped\n`,
  );
  process.exit(failedSteps.length ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(
    `[test] ${error instanceof LaunchError ? error.message : error.stack}\n`,
  );
  process.stdout.write(
    `${counts.passed} passed, ${counts.failed + 1} failed, ${counts.skipped} skipped\n`,
  );
  process.exit(1);
});
