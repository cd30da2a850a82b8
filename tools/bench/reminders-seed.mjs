// The seed of `npm run bench -- reminders`: COPY (copyInto of seed.mjs) of 10,000 employers with an
// owner each, a firm lawyer, 1,000,000 workers and dossiers of which 10,000 have a reminder due on the
// sweep day, 5,000 more are candidates with nothing due yet, and 985,000 are outside every window.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  copyInto,
  EMPLOYER_COLUMNS,
  prepareBulkLoad,
  rebuildIndexes,
  rng,
  siret,
  stepLogger,
  WORKER_COLUMNS,
  writeSeedMarker,
} from './seed.mjs';

const DAY = 86_400_000;
export const SIZE = {
  employers: 10_000,
  dossiers: 1_000_000,
  overdue: 8_000,
  refused: 2_000,
  notYet: 5_000,
  recent: 30_000,
};

/** The latest 07:00 Paris at or before now (winter +1, summer +2: the offset is read from Intl). */
export function latestSevenParis(now = new Date()) {
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

export async function seedReminders(url, log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  const step = stepLogger(log, started);
  const now = latestSevenParis();
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
  }).format(now);
  const T = Date.parse(`${today}T00:00:00Z`);
  const iso = (days) => new Date(T + days * DAY).toISOString().slice(0, 10);
  try {
    const indexes = await prepareBulkLoad(client, [
      'worker',
      'dossier',
      'app_user',
    ]);

    const random = rng(7);
    const employers = Array.from({ length: SIZE.employers }, () =>
      randomUUID(),
    );
    await copyInto(client, 'employer', EMPLOYER_COLUMNS, function* () {
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
    });
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
      WORKER_COLUMNS.filter((c) => c !== 'phone' && c !== 'email'),
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

    await rebuildIndexes(client, indexes, step);
    await client.query(`VACUUM ANALYZE`);
    step('vacuum analyze');
    const info = {
      now: now.toISOString(),
      today,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await writeSeedMarker(client, info);
    return info;
  } finally {
    await client.end();
  }
}
