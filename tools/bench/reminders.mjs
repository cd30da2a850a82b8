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
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { copyInto, rng, siret } from './seed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DB = 'moisson_bench_reminders';
const SERVER = 'postgres://postgres@127.0.0.1:5432';
const URL_ = `${SERVER}/${DB}`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = 'moisson-bench-reminders';
const DAY = 86_400_000;
const SIZE = {
  employers: 10_000,
  dossiers: 1_000_000,
  overdue: 8_000,
  refused: 2_000,
  notYet: 5_000,
  recent: 30_000,
};
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
    info = await seedReminders();
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

/** The latest 07:00 Paris at or before now (winter +1, summer +2: the offset is read from Intl). */
function latestSevenParis(now = new Date()) {
  for (let back = 0; back < 3; back++) {
    const day = new Date(now.getTime() - back * DAY);
    const ymd = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
    }).format(day);
    for (const offset of [1, 2]) {
      const candidate = new Date(
        `${ymd}T${String(7 - offset).padStart(2, '0')}:00:00Z`,
      );
      const hour = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(candidate);
      if (hour === '07' && candidate <= now) return candidate;
    }
  }
  throw new Error('no 07:00 Paris found');
}

async function seedReminders() {
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  const started = Date.now();
  const step = (what) =>
    log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const now = latestSevenParis();
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
  }).format(now);
  const T = Date.parse(`${today}T00:00:00Z`);
  const iso = (days) => new Date(T + days * DAY).toISOString().slice(0, 10);
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    const { rows: indexes } = await client.query(`
      SELECT i.indexname, i.indexdef FROM pg_indexes i
      JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
      WHERE i.schemaname = 'public' AND i.tablename IN ('worker', 'dossier', 'app_user') AND NOT x.indisprimary`);
    for (const { indexname } of indexes)
      await client.query(`DROP INDEX "${indexname}"`);

    const random = rng(7);
    const employers = Array.from({ length: SIZE.employers }, () =>
      randomUUID(),
    );
    await copyInto(
      client,
      'employer',
      [
        'id',
        'legal_name',
        'siret',
        'address_line',
        'postal_code',
        'city',
        'departement',
        'sector',
        'ofii_office',
        'consulate',
      ],
      function* () {
        for (let i = 0; i < SIZE.employers; i++)
          yield [
            employers[i],
            `Ferme rappels ${i}`,
            siret(i),
            '1 chemin des Vignes',
            '47200',
            'Marmande',
            '47',
            'viticulture',
            'casablanca',
            'casablanca',
          ].join('\t');
      },
    );
    await copyInto(
      client,
      'app_user',
      ['id', 'email', 'full_name', 'role', 'employer_id', 'password_hash'],
      function* () {
        yield [
          randomUUID(),
          'juriste@bench-reminders.local',
          'Juriste du banc',
          'firm_staff',
          '\\N',
          'bench-no-password',
        ].join('\t');
        for (let i = 0; i < SIZE.employers; i++)
          yield [
            randomUUID(),
            `owner${i}@bench-reminders.local`,
            `Exploitant ${i}`,
            'employer_owner',
            employers[i],
            'bench-no-password',
          ].join('\t');
      },
    );
    step(`${SIZE.employers} employers, their owners and a lawyer`);

    const workers = new Array(SIZE.dossiers);
    await copyInto(
      client,
      'worker',
      [
        'id',
        'employer_id',
        'surname',
        'given_names',
        'birth_date',
        'nationality',
        'passport_number',
        'passport_expiry',
        'preferred_language',
      ],
      function* () {
        for (let k = 0; k < SIZE.dossiers; k++) {
          workers[k] = randomUUID();
          yield [
            workers[k],
            employers[k % SIZE.employers],
            `BENCH${k}`,
            'Youssef',
            '1990-05-01',
            'MA',
            `BR${String(k).padStart(7, '0')}`,
            iso(400 + Math.floor(random() * 1500)),
            'ar',
          ].join('\t');
        }
      },
    );
    step(`${SIZE.dossiers} workers`);

    const quiet = [
      'OFII_CONVOKED',
      'MEDICAL_FIT',
      'VISA_FILED',
      'CONTRACT_ENDED',
      'RETURNED',
      'CLOSED',
      'DRAFT',
    ];
    await copyInto(
      client,
      'dossier',
      [
        'id',
        'employer_id',
        'worker_id',
        'season',
        'job_title',
        'contract_type',
        'planned_start',
        'planned_end',
        'permit_number',
        'permit_granted_on',
        'permit_valid_until',
        'ofii_office',
        'consulate',
        'state',
        'state_changed_at',
        'recorded',
        'last_step_on',
        'transmitted_on',
        'legal_deadline_kind',
        'legal_deadline_on',
      ],
      function* () {
        for (let k = 0; k < SIZE.dossiers; k++) {
          let state;
          let transmitted = null;
          let recorded = {};
          let deadlineKind = null;
          let deadlineOn = null;
          let changed = T - 100 * DAY;
          let plannedStart = iso(100 + Math.floor(random() * 200));
          if (k < SIZE.overdue) {
            state = 'AWAITING_OFII';
            transmitted = iso(-(30 + (k % 14)));
          } else if (k < SIZE.overdue + SIZE.refused) {
            state = 'VISA_REFUSED';
            recorded = {
              VISA_REFUSED: {
                notificationDate: iso(-1),
                grounds: ['information_incomplete'],
              },
            };
            changed = T - 1 * DAY;
            deadlineKind = 'crrv_appeal';
            deadlineOn = iso(29);
          } else if (k < SIZE.overdue + SIZE.refused + SIZE.notYet) {
            state = 'AWAITING_OFII';
            transmitted = iso(-(8 + (k % 22)));
          } else if (
            k <
            SIZE.overdue + SIZE.refused + SIZE.notYet + SIZE.recent
          ) {
            state = 'AWAITING_OFII';
            transmitted = iso(-(k % 7));
          } else {
            state = quiet[k % quiet.length];
            if (state === 'VISA_FILED') {
              deadlineKind = 'implicit_visa_refusal';
              deadlineOn = iso(20 + (k % 40));
              recorded = {
                VISA_FILED: {
                  filingDate: iso(20 + (k % 40) - 61),
                  consulate: 'casablanca',
                },
              };
            }
            if (
              state === 'CLOSED' ||
              state === 'RETURNED' ||
              state === 'CONTRACT_ENDED'
            )
              plannedStart = iso(-400);
          }
          if (transmitted)
            recorded = {
              AT_GRANTED: { permitNumber: `AT-${k}`, grantDate: iso(-60) },
              AWAITING_OFII: {
                transmissionDate: transmitted,
                ofiiOffice: 'casablanca',
              },
            };
          yield [
            randomUUID(),
            employers[k % SIZE.employers],
            workers[k],
            2027,
            'Ouvrier viticole',
            'seasonal',
            plannedStart,
            plannedStart,
            `AT-${k}`,
            iso(-60),
            iso(400),
            'casablanca',
            'casablanca',
            state,
            new Date(changed).toISOString(),
            JSON.stringify(recorded),
            transmitted ?? iso(-100),
            transmitted ?? '\\N',
            deadlineKind ?? '\\N',
            deadlineOn ?? '\\N',
          ].join('\t');
        }
      },
    );
    workers.length = 0;
    step(`${SIZE.dossiers} dossiers`);

    await client.query(`SET session_replication_role = origin`);
    for (const { indexdef } of indexes) await client.query(indexdef);
    step(`${indexes.length} indexes rebuilt`);
    await client.query(`VACUUM ANALYZE`);
    step('vacuum analyze');
    const info = {
      now: now.toISOString(),
      today,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await client.query(`CREATE TABLE bench_seed (info jsonb NOT NULL)`);
    await client.query(`INSERT INTO bench_seed (info) VALUES ($1)`, [info]);
    return info;
  } finally {
    await client.end();
  }
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
