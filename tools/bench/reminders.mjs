// npm run bench -- reminders [--reseed] [--keep] [--concurrency=8]
//
// 1. Creates and migrates moisson_bench_reminders and seeds it with COPY (copyInto of seed.mjs):
//    10,000 employers with an owner each, a firm lawyer, 1,000,000 workers and dossiers of which
//    10,000 have a reminder due on the sweep day (8,000 overdue OFII convocations, one per employer,
//    and 2,000 visa refusals notified yesterday, urgent for the firm), 5,000 more candidates with
//    nothing due yet, and 985,000 outside every reminder window.
// 2. Runs the API's own sweep code (tools/bench/reminders-sweep.ts, ts-node) at 07:00 Paris: the
//    candidate query with EXPLAIN ANALYZE, then the sweep twice (the second must write and queue nothing).
// 3. Starts the built worker (dist/apps/api/worker.js) against an SMTP server of this process and
//    times the delivery of every outbox row; then sweeps once more (nothing to queue).
// The machine is shared: the load average is printed with the figures.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { seedReminders, SIZE } from './reminders-seed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DB = 'moisson_bench_reminders';
const SERVER = 'postgres://postgres@127.0.0.1:5432';
const URL_ = `${SERVER}/${DB}`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = 'moisson-bench-reminders';
const TARGETS = { selectMs: 200, jobsPerSecond: 5000, sweepMs: 5000 };
const log = (line) => console.log(line);

function option(args, name, fallback) {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
}

export async function main(args) {
  const concurrency = option(args, 'concurrency', 8);
  if (!existsSync(join(root, 'dist/apps/api/worker.js'))) {
    log('Building the API (dist/apps/api is missing)...');
    run('npx', ['nx', 'build', 'api']);
  }
  let info = args.includes('--reseed') ? undefined : await existingSeed();
  if (info) {
    log(
      `Reusing the seed in ${DB} (sweep instant ${info.now}; --reseed to redo it).`,
    );
    run(process.execPath, ['dist/apps/api/migrate.js'], {
      DATABASE_URL: URL_,
      LOG_LEVEL: 'error',
    });
    await sql(`TRUNCATE reminder_outbox, reminder_relance`);
  } else {
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB}`);
    log(`Migrating ${DB}...`);
    run(process.execPath, ['dist/apps/api/migrate.js'], {
      DATABASE_URL: URL_,
      LOG_LEVEL: 'error',
    });
    log(
      `Seeding ${SIZE.employers} employers and ${SIZE.dossiers} dossiers (COPY)...`,
    );
    info = await seedReminders(URL_, log);
    log(`Seeded in ${info.seconds} s.`);
  }
  await clearRedis();
  log(
    `Load average before the sweep: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other processes share these ${cpus().length} cores).`,
  );

  const [explain, first, second] = sweep(info.now, 2, true);
  const plan = explain.plan;
  const smtp = await startCatcher();
  const started = Date.now();
  const worker = spawn(process.execPath, ['dist/apps/api/worker.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: URL_,
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      SMTP_URL: smtp.url,
      WORKER_CONCURRENCY: String(concurrency),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      APP_SECRET: 'bench-only-secret-bench-only-secret-0123456789',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let unsent;
  const deadline = Date.now() + 10 * 60_000;
  do {
    await sleep(250);
    unsent = Number(
      (
        await sql(`SELECT count(*) FROM reminder_outbox WHERE status <> 'sent'`)
      )[0].count,
    );
  } while (unsent > 0 && Date.now() < deadline);
  const deliverySeconds = (Date.now() - started) / 1000;
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  const [third] = sweep(info.now, 1, false);
  const rows = Number(
    (await sql(`SELECT count(*) FROM reminder_outbox`))[0].count,
  );
  const perRecipient = new Map();
  for (const to of smtp.recipients)
    perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  const ownersWithTwo = [...perRecipient].filter(
    ([to, n]) => to.startsWith('owner') && n > 1,
  ).length;
  await smtp.close();
  await clearRedis();

  const jobsPerSecond =
    first.enqueued / Math.max(first.ms.enqueue / 1000, 0.001);
  log('');
  log(
    `Sweep day ${first.today}, instant ${info.now}: ${first.candidates} candidates, ${first.due} reminders due, ${first.written} outbox rows.`,
  );
  log(`Candidate query plan (EXPLAIN ANALYZE): ${planSummary(plan)}`);
  log('');
  log('| step | figure | target |');
  log('| --- | --- | --- |');
  log(
    `| select candidates (index scans, ${first.candidates} ids) | ${first.ms.select} ms | <= ${TARGETS.selectMs} ms ${first.ms.select <= TARGETS.selectMs ? 'met' : 'MISSED'} |`,
  );
  log(
    `| rules + outbox write (${first.written} rows, ON CONFLICT DO NOTHING) | ${first.ms.write} ms | |`,
  );
  log(
    `| enqueue (${first.enqueued} jobs: existence check + addBulk) | ${first.ms.enqueue} ms = ${Math.round(jobsPerSecond)} jobs/s | >= ${TARGETS.jobsPerSecond} jobs/s ${jobsPerSecond >= TARGETS.jobsPerSecond ? 'met' : 'MISSED'} |`,
  );
  log(
    `| whole sweep | ${first.ms.total} ms | <= ${TARGETS.sweepMs} ms ${first.ms.total <= TARGETS.sweepMs ? 'met' : 'MISSED'} |`,
  );
  log(
    `| second sweep at once (written / enqueued) | ${second.written} / ${second.enqueued} in ${second.ms.total} ms | 0 / 0 |`,
  );
  log(
    `| delivery to the local SMTP server (1 worker, concurrency ${concurrency}) | ${smtp.count()} e-mails for ${rows} rows in ${deliverySeconds.toFixed(1)} s = ${Math.round(smtp.count() / deliverySeconds)} e-mails/s${unsent ? `, ${unsent} rows NOT sent` : ''} | |`,
  );
  log(
    `| sweep after delivery (written / enqueued) | ${third.written} / ${third.enqueued} in ${third.ms.total} ms | 0 / 0 |`,
  );
  log(`| owners who got more than one e-mail | ${ownersWithTwo} | 0 |`);
  log('');
  log(
    `Load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}.`,
  );
  if (!args.includes('--keep')) {
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    log(`Dropped ${DB} (--keep keeps it).`);
  }
  const ok =
    second.enqueued === 0 &&
    third.enqueued === 0 &&
    unsent === 0 &&
    ownersWithTwo === 0;
  return ok ? 0 : 1;
}

/** Node types of the plan and the indexes it reads. */
function planSummary(plan) {
  const indexes = new Set();
  const seq = [];
  for (const line of plan) {
    const index =
      /Index (?:Only )?Scan using (\S+)/.exec(line) ??
      /Bitmap Index Scan on (\S+)/.exec(line);
    if (index) indexes.add(index[1]);
    const scan = /Seq Scan on (\S+)/.exec(line);
    if (scan) seq.push(scan[1]);
  }
  const time = plan.find((l) => l.startsWith('Execution Time'));
  return `${[...indexes].join(', ')}${seq.length ? `; SEQ SCAN on ${seq.join(', ')}` : '; no sequential scan'}; ${time}`;
}

/** Runs the sweep script; returns its JSON lines. */
function sweep(nowIso, runs, explain) {
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'tools/bench/reminders-sweep.ts',
      nowIso,
      String(runs),
      ...(explain ? ['--explain'] : []),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        // The base tsconfig's paths (@moisson/domain, @moisson/contract) resolve from the root.
        TS_NODE_BASEURL: root,
        DATABASE_URL: URL_,
        REDIS_URL,
        REDIS_PREFIX: PREFIX,
        LOG_LEVEL: 'silent',
      },
    },
  );
  if (result.status !== 0) throw new Error(`sweep failed:\n${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

async function startCatcher() {
  const recipients = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo)
          recipients.push(r.address.toLowerCase());
        callback();
      });
      stream.resume();
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    recipients,
    count: () => recipients.length,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function existingSeed() {
  const exists = await admin(
    `SELECT 1 FROM pg_database WHERE datname = '${DB}'`,
  );
  if (exists.length === 0) return undefined;
  const present = await sql(
    `SELECT to_regclass('public.bench_seed') IS NOT NULL AS present`,
  );
  if (!present[0].present) return undefined;
  return (await sql('SELECT info FROM bench_seed'))[0]?.info;
}

async function clearRedis() {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${PREFIX}:*`,
        'COUNT',
        1000,
      );
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed`);
}

async function admin(text) {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function sql(text, params) {
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}
