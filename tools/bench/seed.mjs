// Seeds the benchmark database with COPY (pg-copy-streams): 10,000 employers, 1,000,000 workers and
// as many dossiers over three seasons and every state, a few timeline events per dossier, one
// employer holding 200,000 dossiers, and a signed-in user of that employer (session row inserted
// directly, as SessionService stores it: the SHA-256 of the cookie token).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { loadDomain } from '../lib/domain.mjs';

const { DOSSIER_STATES, passesLuhnCheck } = loadDomain();

export const SIZES = {
  employers: 10_000,
  workers: 1_000_000,
  bigEmployerDossiers: 200_000,
};
const SEASONS = [2025, 2026, 2027];
// The states as libs/domain defines them (same order: the seed's distribution follows the list).
const STATES = DOSSIER_STATES;
// States in which a legal deadline runs (the list's deadlineWithinDays filter reads legal_deadline_on).
const DEADLINE_KIND = {
  AT_REFUSED: 'court_appeal',
  VISA_REFUSED: 'crrv_appeal',
  VISA_REFUSED_VERBAL: 'crrv_appeal',
  VISA_REFUSED_IMPLICIT: 'crrv_appeal',
  CRRV_REJECTED: 'court_appeal',
  CRRV_REJECTED_IMPLICIT: 'court_appeal',
  VISA_FILED: 'implicit_visa_refusal',
  CRRV_FILED: 'implicit_crrv_rejection',
  ARRIVED: 'card_application',
  PERMIT_APPLIED: 'implicit_card_refusal',
  PERMIT_REFUSED_IMPLICIT: 'court_appeal',
};
const SURNAMES =
  'Benali El-Amrani Alaoui Bennani Chraibi Idrissi Tazi Berrada Fassi Ouazzani Lahlou Benjelloun Kettani Sqalli Bouzid Haddad Mansouri Zerouali Naciri Amrani Belkadi Cherkaoui Daoudi Ennaji Filali Guessous Hajji Iraqui Jaidi Kabbaj Laraki Marzouki Nejjar Ouali Rami Saidi Talbi Wahbi Yacoubi Zniber Trabelsi Gharbi Jlassi Hammami Ayari Bouaziz Chebbi Dridi Ferchichi Khelifi Mejri Nasri Romdhani Sassi Toumi Zouari Brahmi Karoui Ben-Salah Oueslati'.split(
    ' ',
  );
const GIVEN =
  'Mohamed Youssef Ahmed Hamza Omar Said Rachid Karim Mustapha Abdelilah Hassan Khalid Driss Mehdi Anas Ilyas Nabil Tarek Walid Zakaria Fatima Khadija Aicha Meryem Salma Nadia Samira Latifa Naima Zineb Hanane Imane Sanae Houda Amina Sara Rim Yasmine Leila Sonia'.split(
    ' ',
  );
const OFFICES = [
  'casablanca',
  'rabat',
  'tanger',
  'fes',
  'agadir',
  'oujda',
  'tunis',
];
const JOBS = [
  'Ouvrier viticole',
  'Cueilleur de fruits',
  'Ouvrier maraîcher',
  'Tailleur de vigne',
  'Conducteur de tracteur',
];
const DEPARTEMENTS = ['47', '33', '84', '13', '30', '34', '24', '82', '66'];
const DAY = 86_400_000;

/** A small deterministic generator, so two seeds give the same distribution. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** A valid SIRET per employer: the check digit that passes libs/domain's Luhn check. */
export function siret(i) {
  const base = String(100000000000 + i * 7).padStart(13, '0');
  for (let c = 0; c < 10; c++) {
    if (passesLuhnCheck(base + c)) return base + c;
  }
  throw new Error('unreachable');
}

/** Streams the lines that `produce(push)` gives into `COPY table (columns) FROM STDIN`. */
export async function copyInto(client, table, columns, produce) {
  const stream = client.query(
    copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`),
  );
  async function* chunks() {
    let buffer = [];
    for (const line of produce()) {
      buffer.push(line);
      if (buffer.length >= 5000) {
        yield buffer.join('\n') + '\n';
        buffer = [];
      }
    }
    if (buffer.length > 0) yield buffer.join('\n') + '\n';
  }
  await pipeline(Readable.from(chunks()), stream);
}

/** The columns of employer that both seeds fill. */
export const EMPLOYER_COLUMNS = [
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
];

/** The columns of worker that the main seed fills (the reminders seed leaves phone and email out). */
export const WORKER_COLUMNS = [
  'id',
  'employer_id',
  'surname',
  'given_names',
  'birth_date',
  'nationality',
  'passport_number',
  'passport_expiry',
  'phone',
  'email',
  'preferred_language',
];

/** A `step(what)` that logs what was done with the seconds since `started`. */
export function stepLogger(log, started) {
  return (what) =>
    log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * Readies a bulk load: foreign keys and triggers off (session_replication_role = replica), more
 * memory for the index rebuild, and the secondary indexes of `tables` dropped. Returns the dropped
 * indexes for rebuildIndexes.
 */
export async function prepareBulkLoad(client, tables) {
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  const { rows: indexes } = await client.query(
    `
      SELECT i.indexname, i.indexdef FROM pg_indexes i
      JOIN pg_class c ON c.relname = i.indexname
      JOIN pg_index x ON x.indexrelid = c.oid
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1::name[])
        AND NOT x.indisprimary`,
    [tables],
  );
  for (const { indexname } of indexes)
    await client.query(`DROP INDEX "${indexname}"`);
  return indexes;
}

/** Turns triggers back on and recreates the indexes prepareBulkLoad dropped. */
export async function rebuildIndexes(client, indexes, step) {
  await client.query(`SET session_replication_role = origin`);
  for (const { indexdef } of indexes) await client.query(indexdef);
  step(`${indexes.length} indexes rebuilt`);
}

/** Writes the marker row that says the seed is complete (seedExists reads it). */
export async function writeSeedMarker(client, info) {
  await client.query(`CREATE TABLE bench_seed (info jsonb NOT NULL)`);
  await client.query(`INSERT INTO bench_seed (info) VALUES ($1)`, [info]);
}

/** Whether the database already holds a complete seed (the marker row is written last). */
export async function seedExists(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT to_regclass('public.bench_seed') IS NOT NULL AS present`,
    );
    if (!rows[0].present) return undefined;
    const marker = await client.query('SELECT info FROM bench_seed');
    return marker.rows[0]?.info;
  } finally {
    await client.end();
  }
}

/**
 * Fills a freshly migrated database. Secondary indexes of the four bulk tables are dropped during
 * the load and rebuilt afterwards (faster than maintaining them row by row); foreign keys are not
 * checked row by row (session_replication_role = replica) since the generator writes them right.
 */
export async function seed(url, log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  const step = stepLogger(log, started);
  try {
    const indexes = await prepareBulkLoad(client, [
      'worker',
      'dossier',
      'dossier_event',
      'campaign',
    ]);

    const random = rng(42);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const now = Date.now();
    const today = iso(now);

    const employerIds = Array.from({ length: SIZES.employers }, () =>
      randomUUID(),
    );
    await copyInto(client, 'employer', EMPLOYER_COLUMNS, function* () {
      for (let i = 0; i < SIZES.employers; i++) {
        const dep = DEPARTEMENTS[i % DEPARTEMENTS.length];
        const office = OFFICES[i % OFFICES.length];
        yield [
          employerIds[i],
          i === 0 ? 'Grands Domaines du Sud-Ouest' : `Ferme bench ${i}`,
          siret(i),
          `${1 + (i % 90)} chemin des Vignes`,
          `${dep}${String(100 + (i % 900)).padStart(3, '0')}`,
          'Marmande',
          dep,
          i % 2 ? 'arboriculture' : 'viticulture',
          office,
          office,
        ].join('\t');
      }
    });
    step(`${SIZES.employers} employers`);

    // One campaign per employer and season.
    const campaignIds = employerIds.map(() => SEASONS.map(() => randomUUID()));
    await copyInto(
      client,
      'campaign',
      ['id', 'employer_id', 'name', 'season'],
      function* () {
        for (let i = 0; i < SIZES.employers; i++)
          for (let s = 0; s < SEASONS.length; s++)
            yield [
              campaignIds[i][s],
              employerIds[i],
              `Saison ${SEASONS[s]}`,
              SEASONS[s],
            ].join('\t');
      },
    );
    step(`${SIZES.employers * SEASONS.length} campaigns`);

    // Worker k belongs to employer 0 for the first 200,000, then round-robin over the others.
    const employerOf = (k) =>
      k < SIZES.bigEmployerDossiers
        ? 0
        : 1 + ((k - SIZES.bigEmployerDossiers) % (SIZES.employers - 1));
    const workerIds = new Array(SIZES.workers);
    const workerRows = function* () {
      for (let k = 0; k < SIZES.workers; k++) {
        const id = randomUUID();
        workerIds[k] = id;
        const birth = iso(now - (20 + random() * 35) * 365 * DAY);
        const expiry = iso(now + (random() * 6 - 0.5) * 365 * DAY);
        yield [
          id,
          employerIds[employerOf(k)],
          pick(SURNAMES).toUpperCase(),
          `${pick(GIVEN)} ${pick(GIVEN)}`,
          birth,
          k % 4 === 0 ? 'TN' : 'MA',
          `BK${String(k).padStart(7, '0')}`,
          expiry,
          `+2126${String(10000000 + k).slice(-8)}`,
          '\\N',
          k % 3 === 0 ? 'ar' : 'fr',
        ].join('\t');
      }
    };
    await copyInto(client, 'worker', WORKER_COLUMNS, workerRows);
    step(`${SIZES.workers} workers`);

    // One dossier per worker, its season and state drawn at random; events are written alongside.
    const dossiers = new Array(SIZES.workers);
    await copyInto(
      client,
      'dossier',
      [
        'id',
        'employer_id',
        'worker_id',
        'campaign_id',
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
        'last_step_on',
        'transmitted_on',
        'legal_deadline_kind',
        'legal_deadline_on',
        'created_at',
        'updated_at',
      ],
      function* () {
        for (let k = 0; k < SIZES.workers; k++) {
          const e = employerOf(k);
          const s = Math.floor(random() * SEASONS.length);
          const season = SEASONS[s];
          const state = STATES[Math.floor(random() * STATES.length)];
          const start =
            Date.UTC(season, 2, 1) + Math.floor(random() * 180) * DAY;
          const end = start + (60 + Math.floor(random() * 120)) * DAY;
          const created =
            Math.min(now, start - 120 * DAY) - random() * 60 * DAY;
          const changed = created + random() * (now - created);
          const stateIndex = STATES.indexOf(state);
          const permit = stateIndex >= 3 && state !== 'AT_REFUSED';
          const transmitted =
            stateIndex >= 5
              ? iso(now - Math.floor(random() * 90) * DAY)
              : '\\N';
          const kind = DEADLINE_KIND[state];
          const office = OFFICES[e % OFFICES.length];
          const id = randomUUID();
          dossiers[k] = { id, e, state, created, changed };
          yield [
            id,
            employerIds[e],
            workerIds[k],
            campaignIds[e][s],
            season,
            pick(JOBS),
            'seasonal',
            iso(start),
            iso(end),
            permit ? `AT-${season}-${k}` : '\\N',
            permit ? iso(created + 30 * DAY) : '\\N',
            permit ? iso(end) : '\\N',
            office,
            office,
            state,
            new Date(changed).toISOString(),
            iso(changed),
            transmitted,
            kind ?? '\\N',
            kind ? iso(now + Math.floor(random() * 90 - 30) * DAY) : '\\N',
            new Date(created).toISOString(),
            new Date(changed).toISOString(),
          ].join('\t');
        }
      },
    );
    workerIds.length = 0;
    step(`${SIZES.workers} dossiers`);

    let events = 0;
    await copyInto(
      client,
      'dossier_event',
      [
        'employer_id',
        'dossier_id',
        'at',
        'actor_name',
        'kind',
        'from_state',
        'to_state',
        'data',
      ],
      function* () {
        for (let k = 0; k < SIZES.workers; k++) {
          const d = dossiers[k];
          const employer = employerIds[d.e];
          yield [
            employer,
            d.id,
            new Date(d.created).toISOString(),
            'Banc d’essai',
            'transition',
            '\\N',
            'DRAFT',
            '{}',
          ].join('\t');
          events++;
          // One or two intermediate steps, then the current state.
          const stateIndex = STATES.indexOf(d.state);
          let from = 'DRAFT';
          const steps = 1 + Math.floor(random() * 2);
          for (let i = 1; i <= steps && stateIndex > 0; i++) {
            const to =
              i === steps
                ? d.state
                : STATES[Math.max(1, Math.floor((stateIndex * i) / steps))];
            if (to === from) continue;
            const at = d.created + ((d.changed - d.created) * i) / steps;
            yield [
              employer,
              d.id,
              new Date(at).toISOString(),
              'Banc d’essai',
              'transition',
              from,
              to,
              `{"on":"${iso(at)}"}`,
            ].join('\t');
            events++;
            from = to;
          }
        }
      },
    );
    step(`${events} timeline events`);

    // The signed-in user: the owner of the big employer, a live session (two-factor not required for
    // employer roles, marked passed anyway), and the XSRF cookie value for POSTs.
    const token = randomBytes(32).toString('base64url');
    const xsrf = randomBytes(16).toString('hex');
    const {
      rows: [user],
    } = await client.query(
      `INSERT INTO app_user (email, full_name, role, employer_id, password_hash)
       VALUES ('bench.owner@bench.moisson.local', 'Banc d''essai', 'employer_owner', $1, 'bench-no-password')
       RETURNING id`,
      [employerIds[0]],
    );
    await client.query(
      `INSERT INTO user_session (token_hash, user_id, totp_passed, last_seen_at, absolute_expires_at)
       VALUES ($1, $2, true, now(), now() + interval '30 days')`,
      [createHash('sha256').update(token).digest('hex'), user.id],
    );
    step('bench user and session');

    // A firm staff member for the firm console scenarios, assigned one employer in 20.
    const firmToken = randomBytes(32).toString('base64url');
    const {
      rows: [staff],
    } = await client.query(
      `INSERT INTO app_user (email, full_name, role, password_hash, totp_enabled_at)
       VALUES ('bench.staff@bench.moisson.local', 'Juriste du banc', 'firm_staff', 'bench-no-password', now())
       RETURNING id`,
    );
    await client.query(
      `INSERT INTO user_session (token_hash, user_id, totp_passed, last_seen_at, absolute_expires_at)
       VALUES ($1, $2, true, now(), now() + interval '30 days')`,
      [createHash('sha256').update(firmToken).digest('hex'), staff.id],
    );
    await client.query(
      `UPDATE employer SET assigned_staff_id = $1 WHERE id = ANY($2::uuid[])`,
      [staff.id, employerIds.filter((_, i) => i % 20 === 0)],
    );
    step('firm staff user, session and assignments');

    await rebuildIndexes(client, indexes, step);
    // COPY ran with triggers off (replica role): recount the firm console's counters once.
    const {
      rows: [stats],
    } = await client.query(
      'SELECT employer_dossier_stats_rebuild() AS employers',
    );
    step(`dossier counters of ${stats.employers} employers rebuilt`);
    await client.query(`VACUUM ANALYZE`);
    step('vacuum analyze');

    const sample = await client.query(
      `SELECT id FROM dossier WHERE employer_id = $1 AND state = 'VISA_REFUSED' ORDER BY id LIMIT 1`,
      [employerIds[0]],
    );
    const info = {
      employerId: employerIds[0],
      userId: user.id,
      sessionToken: token,
      firmSessionToken: firmToken,
      xsrfToken: xsrf,
      dossierId: sample.rows[0].id,
      today,
      events,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await writeSeedMarker(client, info);
    return info;
  } finally {
    await client.end();
  }
}
