// npm run bench -- api [--reseed] [--keep] [--sql] [--duration=10] [--connections=50] [--only=dossiers|overview]
// npm run bench -- overview [...]: the firm console's employers overview scenarios only.
//
// 1. Creates and migrates the database moisson_bench on the local PostgreSQL and seeds it with COPY
//    (tools/bench/seed.mjs); an existing complete seed is reused unless --reseed.
// 2. Starts the built API (dist/apps/api/main.js) on a free loopback port against it, with
//    tools/bench/query-counter.cjs preloaded to count and capture the SQL of each kind of request.
// 3. For each scenario: autocannon on 127.0.0.1 (warm-up, then a measured round), then the very same
//    SQL statements (captured from the API, same parameters) replayed through a raw `pg` pool of the
//    same size with the same concurrency, as the baseline.
// 4. Prints the table and drops moisson_bench unless --keep.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { API_NODE_FLAGS } from '../lib/stack.mjs';
import { seed, seedExists, SIZES } from './seed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOST = '127.0.0.1';
const DB = 'moisson_bench';
const SERVER = `postgres://postgres@${HOST}:5432`;
const BENCH_URL = `${SERVER}/${DB}`;
const log = (line) => console.log(line);

function option(args, name, fallback) {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
}

export async function main(args) {
  const reseed = args.includes('--reseed');
  const keep = args.includes('--keep');
  const showSql = args.includes('--sql');
  const duration = option(args, 'duration', 10);
  const connections = option(args, 'connections', 50);
  const only = args.find((a) => a.startsWith('--only='))?.split('=')[1];

  if (!existsSync(join(root, 'dist/apps/api/main.js'))) {
    log('Building the API (dist/apps/api is missing)...');
    run('npx', ['nx', 'build', 'api']);
  }

  let info = (await databaseExists()) ? await seedExists(BENCH_URL) : undefined;
  // A seed from before the firm console has no firm session: seed again.
  if (info && !info.firmSessionToken) info = undefined;
  if (info && !reseed) {
    log(
      `Reusing the seed in ${DB} (seeded in ${info.seconds} s; --reseed to redo it); applying new migrations...`,
    );
    run(process.execPath, ['dist/apps/api/migrate.js'], {
      DATABASE_URL: BENCH_URL,
      LOG_LEVEL: 'error',
    });
    await reviveSessions(info);
  } else {
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB}`);
    log(`Migrating ${DB}...`);
    run(process.execPath, ['dist/apps/api/migrate.js'], {
      DATABASE_URL: BENCH_URL,
      LOG_LEVEL: 'error',
    });
    log(
      `Seeding ${SIZES.employers} employers, ${SIZES.workers} workers and dossiers (COPY)...`,
    );
    info = await seed(BENCH_URL, log);
    log(`Seeded in ${info.seconds} s.`);
  }

  log(
    `Load average before the rounds: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other processes share these ${cpus().length} cores).`,
  );
  const api = await startApi();
  const pool = new pg.Pool({ connectionString: BENCH_URL, max: 10 });
  try {
    const e = info.employerId;
    const base = `/api/employers/${e}`;
    const scenarios = [
      {
        name: 'dashboard',
        group: 'dossiers',
        what: 'employer detail + overdue convocations + deadlines within 10 days (10 each), cycled',
        paths: [
          base,
          `${base}/dossiers?overdue=true&limit=10`,
          `${base}/dossiers?deadlineWithinDays=10&limit=10`,
        ],
      },
      {
        // What the web dashboard (apps/web .../dashboard.store.ts) sends on opening: the summary (exact
        // counts), the 5 first overdue and convoked dossiers, the refusals and arrivals to sort and filter.
        name: 'dashboard page (web)',
        group: 'dossiers',
        what: 'the 5 calls of the web dashboard (summary, 2 tiles of 5, 2 lists of up to 200), cycled',
        paths: [
          `${base}/dossiers/summary`,
          `${base}/dossiers?overdue=true&limit=5`,
          `${base}/dossiers?state=OFII_CONVOKED&limit=5`,
          `${base}/dossiers?state=VISA_REFUSED,VISA_REFUSED_VERBAL,VISA_REFUSED_IMPLICIT,CRRV_REJECTED,CRRV_REJECTED_IMPLICIT&limit=200`,
          `${base}/dossiers?state=VISA_ISSUED,ARRIVED&limit=200`,
        ],
      },
      {
        name: 'dashboard summary',
        group: 'dossiers',
        what: 'GET .../dossiers/summary: counts per stage, overdue, convoked',
        paths: [`${base}/dossiers/summary`],
      },
      {
        name: 'list: state',
        group: 'dossiers',
        what: 'state=AWAITING_OFII, sort=plannedStart, first page (50)',
        paths: [`${base}/dossiers?state=AWAITING_OFII&sort=plannedStart`],
      },
      {
        name: 'list: search',
        group: 'dossiers',
        what: 'q=benali (a common surname), first page (50)',
        paths: [`${base}/dossiers?q=benali`],
      },
      {
        name: 'list: rare search',
        group: 'dossiers',
        what: 'q=<surname> <given name> <given name> of one worker, first page',
        paths: [],
      },
      {
        name: 'detail',
        group: 'dossiers',
        what: 'one dossier: worker, campaign, timeline, deadlines; audited passport read',
        paths: [`${base}/dossiers/${info.dossierId}`],
      },
      // Firm console (firm staff session): the overview over the 10,000 employers.
      {
        name: 'overview: name',
        group: 'overview',
        firm: true,
        what: 'GET /api/firm/employers, default sort (name), first page (50 of 10,000)',
        paths: ['/api/firm/employers'],
      },
      {
        name: 'overview: longest wait',
        group: 'overview',
        firm: true,
        what: 'sort=longestWait, first page',
        paths: ['/api/firm/employers?sort=longestWait'],
      },
      {
        name: 'overview: appeal deadline',
        group: 'overview',
        firm: true,
        what: 'sort=appealDeadline (probes the refusals of every employer), first page',
        paths: ['/api/firm/employers?sort=appealDeadline'],
      },
      {
        name: 'overview: filters',
        group: 'overview',
        firm: true,
        what: 'deadlineWithinDays=7, then assignedToMe=true&overdue=true, then departement=47&ofiiOffice=casablanca, cycled',
        paths: [
          '/api/firm/employers?deadlineWithinDays=7',
          '/api/firm/employers?assignedToMe=true&overdue=true',
          '/api/firm/employers?departement=47&ofiiOffice=casablanca',
        ],
      },
    ].filter((s) => !only || s.group === only);
    const rare = await pool.query(
      `SELECT w.surname, w.given_names FROM worker w WHERE w.employer_id = $1 ORDER BY w.id LIMIT 1`,
      [e],
    );
    scenarios
      .find((s) => s.name === 'list: rare search')
      ?.paths.push(
        `${base}/dossiers?q=${encodeURIComponent(`${rare.rows[0].surname} ${rare.rows[0].given_names}`)}`,
      );

    const headersOf = (token) => ({
      cookie: `moisson_session=${token}; XSRF-TOKEN=${info.xsrfToken}`,
      'x-xsrf-token': info.xsrfToken,
    });
    const results = [];
    for (const scenario of scenarios) {
      const headers = headersOf(
        scenario.firm ? info.firmSessionToken : info.sessionToken,
      );
      for (const path of scenario.paths) {
        const res = await fetch(`http://${HOST}:${api.port}${path}`, {
          headers,
        });
        if (res.status !== 200)
          throw new Error(
            `${path} answered ${res.status}: ${await res.text()}`,
          );
      }
      const captured = await captureQueries(api, scenario.paths, headers);
      log(`\n${scenario.name}: ${scenario.what}`);
      log(`  SQL statements per request: ${captured.perRequest.join(', ')}`);
      if (showSql)
        for (const q of captured.sequences.flat())
          log(
            `    ${q.text.replace(/\s+/g, ' ')} -- ${JSON.stringify(q.params)}`,
          );
      const loadBefore = loadavg()[0];
      const http = await measureHttp(
        api.port,
        scenario.paths,
        headers,
        duration,
        connections,
      );
      const raw = await measureRaw(
        pool,
        captured.sequences,
        duration,
        connections,
      );
      const load = `${loadBefore.toFixed(1)} to ${loadavg()[0].toFixed(1)}`;
      results.push({
        ...scenario,
        http,
        raw,
        perRequest: captured.perRequest,
        load,
      });
      log(`  load average (1 min), API round start to pg round end: ${load}`);
      log(`  API ${fmt(http)}`);
      log(`  pg  ${fmt(raw)}`);
    }
    printTable(results, info, duration, connections);
  } finally {
    await pool.end();
    await api.stop();
    if (!keep) {
      await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      log(`\nDropped ${DB} (--keep keeps it).`);
    }
  }
  return 0;
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The bench sessions of a reused seed have gone idle (30 min) since: make them live again. */
async function reviveSessions(info) {
  const client = new pg.Client({ connectionString: BENCH_URL });
  await client.connect();
  try {
    await client.query(
      `UPDATE user_session SET last_seen_at = now(), revoked_at = NULL,
         absolute_expires_at = greatest(absolute_expires_at, now() + interval '1 day')
       WHERE token_hash = ANY($1)`,
      [
        [info.sessionToken, info.firmSessionToken]
          .filter(Boolean)
          .map((token) => createHash('sha256').update(token).digest('hex')),
      ],
    );
  } finally {
    await client.end();
  }
}

async function databaseExists() {
  const { rows } = await admin(
    `SELECT 1 FROM pg_database WHERE datname = '${DB}'`,
  );
  return rows.length > 0;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startApi() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...API_NODE_FLAGS,
      '-r',
      join(root, 'tools/bench/query-counter.cjs'),
      'dist/apps/api/main.js',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {
        ...process.env,
        DATABASE_URL: BENCH_URL,
        PORT: String(port),
        HOST,
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        APP_SECRET: 'benchmark-only-secret-0123456789-abcdefghij',
        REDIS_PREFIX: `moisson-bench-${process.pid}`,
      },
    },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 150; i++) {
    if (exited) throw new Error('The API exited at start-up (see above).');
    try {
      const res = await fetch(`http://${HOST}:${port}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  log(`API started on http://${HOST}:${port} (pid ${child.pid}).`);
  return {
    port,
    child,
    stop: async () => {
      if (!exited) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}

/** Asks the preloaded counter for the statements seen since the last call. */
function drainQueries(api) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The query counter did not answer.')),
      5000,
    );
    api.child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message.queries);
    });
    api.child.send('drain');
  });
}

/** Each path requested alone: its SQL statements (count and the sequence to replay). */
async function captureQueries(api, paths, headers) {
  const sequences = [];
  const perRequest = [];
  for (const path of paths) {
    await drainQueries(api);
    const res = await fetch(`http://${HOST}:${api.port}${path}`, { headers });
    await res.arrayBuffer();
    const seen = await drainQueries(api);
    sequences.push(seen);
    perRequest.push(seen.length);
  }
  return { sequences, perRequest };
}

function summary(latencies, seconds, errors) {
  latencies.sort((a, b) => a - b);
  const at = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
  };
}

function cannon(port, paths, headers, duration, connections, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://${HOST}:${port}`,
        connections,
        duration,
        headers,
        requests: paths.map((path) => ({ method: 'GET', path })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on('response', onResponse);
  });
}

async function measureHttp(port, paths, headers, duration, connections) {
  await cannon(port, paths, headers, Math.max(3, duration / 2), connections);
  const latencies = [];
  let errors = 0;
  const result = await cannon(
    port,
    paths,
    headers,
    duration,
    connections,
    (_client, status, _bytes, ms) => {
      if (status !== 200) errors++;
      latencies.push(ms);
    },
  );
  return summary(latencies, duration, errors + result.errors);
}

/** The captured statements of each request, replayed in order on one pooled connection. */
async function replay(pool, sequence) {
  const client = await pool.connect();
  try {
    for (const { text, params, name } of sequence)
      await client.query(name ? { name, text, values: params } : text, params);
  } finally {
    client.release();
  }
}

async function rawRound(pool, sequences, seconds, connections) {
  const latencies = [];
  const end = Date.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const sequence = sequences[next++ % sequences.length];
        const t = performance.now();
        await replay(pool, sequence);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

async function measureRaw(pool, sequences, duration, connections) {
  await rawRound(pool, sequences, Math.max(3, duration / 2), connections);
  const latencies = await rawRound(pool, sequences, duration, connections);
  return summary(latencies, duration, 0);
}

const ms = (v) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
function fmt(r) {
  return `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, ${Math.round(r.rps)} req/s${r.errors ? `, ${r.errors} errors` : ''}`;
}

function printTable(results, info, duration, connections) {
  const pgVersion = spawnSync('psql', ['--version'], {
    encoding: 'utf8',
  }).stdout?.trim();
  log(
    `\nMachine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${pgVersion ?? 'psql ?'}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end`,
  );
  log(
    `Seed: ${SIZES.employers} employers, ${SIZES.workers} workers and dossiers, ${info.events} events, seeded in ${info.seconds} s. Rounds: ${duration} s measured after a warm-up, ${connections} connections.`,
  );
  log(
    '\n| scenario | API p50 | API p95 | API p99 | API req/s | pg p50 | pg p95 | pg p99 | pg req/s | p95 API/pg | SQL per request | load |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    log(
      `| ${r.name} | ${ms(r.http.p50)} | ${ms(r.http.p95)} | ${ms(r.http.p99)} | ${Math.round(r.http.rps)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${ms(r.raw.p99)} | ${Math.round(r.raw.rps)} | ${(r.http.p95 / r.raw.p95).toFixed(1)} | ${r.perRequest.join(' / ')} | ${r.load} |`,
    );
  }
}
