import { randomInt, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Test, TestingModule } from '@nestjs/testing';
import {
  addDays,
  CalendarDate,
  parisToday,
  parisWallClockInstant,
} from '@moisson/domain';
import { Queue } from 'bullmq';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Clock, ClockModule } from '../src/core/clock/clock';
import { ConfigModule } from '../src/core/config/config.module';
import { DatabaseModule } from '../src/core/database/database.module';
import { QueueModule } from '../src/core/queue/queue.module';
import { QueueName } from '../src/core/queue/queue-names';
import { bullPrefix } from '../src/core/queue/redis-options';
import { DocumentExpiriesModule } from '../src/modules/documents/document-expiries.module';
import { ReminderEnqueuer } from '../src/modules/reminders/reminder-enqueuer';
import { ReminderSweepService } from '../src/modules/reminders/reminder-sweep.service';
import { WorkerModule } from '../src/worker.module';
import { db } from './fixtures';
import { randomPassport } from './dossier-fixtures';
import { testConfig } from './test-app';

/** A clock the test moves by hand (nothing sleeps). */
export class ManualClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.at);
  }
}

/**
 * The latest 07:00 Europe/Paris at or before the real time: a sweep "now" at this instant makes
 * digests due at once, and processes that run on the real clock (built workers) may send them.
 */
export function latestDigestTime(real = new Date()): Date {
  const today = parisToday(real);
  const seven = parisWallClockInstant(today, 7);
  return seven.getTime() <= real.getTime()
    ? seven
    : parisWallClockInstant(addDays(today, -1), 7);
}

/** What the test SMTP server received. */
export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string | undefined;
  mail: ParsedMail;
}

/** A real SMTP server on a loopback port that records what it accepts. */
export interface SmtpCatcher {
  url: string;
  received: CaughtMail[];
  /** DATA commands seen, accepted, refused or held. */
  attempts: () => number;
  /** Messages refused with a 451. */
  refused: () => number;
  to: (address: string) => CaughtMail[];
  close: () => Promise<void>;
}

/**
 * refuseFirst: answer the first N messages with a temporary 451. hold: never answer DATA (the
 * sender waits, as with a server that hangs: lets a test kill a worker mid-send).
 */
export async function startSmtpCatcher(
  options: {
    refuseFirst?: number;
    /** Refuse only messages to this address (the first `refuseFirst` of them). */
    refuseOnlyTo?: string;
    hold?: boolean;
  } = {},
): Promise<SmtpCatcher> {
  const received: CaughtMail[] = [];
  let attempts = 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      attempts += 1;
      if (options.hold) {
        stream.resume();
        return; // never answers
      }
      const concerned =
        !options.refuseOnlyTo ||
        session.envelope.rcptTo.some(
          (r) =>
            r.address.toLowerCase() === options.refuseOnlyTo?.toLowerCase(),
        );
      if (concerned && refused < (options.refuseFirst ?? 0)) {
        refused += 1;
        stream.on('end', () =>
          callback(
            Object.assign(new Error('Greylisted: try again later'), {
              responseCode: 451,
            }),
          ),
        );
        stream.resume();
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          received.push({
            to: to?.value[0]?.address?.toLowerCase() ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            language: mail.headers.get('content-language') as
              | string
              | undefined,
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    refused: () => refused,
    to: (address) => received.filter((m) => m.to === address.toLowerCase()),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A held connection would keep close() waiting forever.
        setTimeout(resolve, 500).unref();
      }),
  };
}

/** The real worker (processors, scheduler) in this process, with the test's clock. */
export async function startReminderWorker(
  clock: Clock,
  overrides: Record<string, string>,
): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [WorkerModule.forRoot(testConfig(overrides))],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

/**
 * The sweep alone (no processor takes jobs here), as a test hook: run it with
 * `moduleRef.get(ReminderSweepService).run()`.
 */
export async function startSweeper(
  clock: Clock,
  overrides: Record<string, string>,
): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(testConfig(overrides)),
      DatabaseModule.forRoot(),
      QueueModule.forRoot('producer'),
      ClockModule,
      DocumentExpiriesModule,
    ],
    providers: [ReminderEnqueuer, ReminderSweepService],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

/** The reminder-send queue of a prefix, to look at or empty. */
export function sendQueue(redisUrl: string, prefix: string): Queue {
  const url = new URL(redisUrl);
  return new Queue(QueueName.ReminderSend, {
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      maxRetriesPerRequest: null,
    },
    prefix: bullPrefix(prefix),
  });
}

/** Jobs not finished yet on the send queue. */
export async function unfinishedJobs(queue: Queue): Promise<number> {
  const c = await queue.getJobCounts(
    'waiting',
    'active',
    'delayed',
    'prioritized',
    'waiting-children',
  );
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/** A worker and their dossier waiting for the OFII convocation since `transmittedOn`. */
export async function insertWaitingDossier(
  employerId: string,
  options: {
    transmittedOn: CalendarDate;
    office?: string;
    surname?: string;
    givenNames?: string;
    plannedStart?: CalendarDate;
  },
): Promise<{ dossierId: string; passportNumber: string; surname: string }> {
  const source = await db();
  const workerId = randomUUID();
  const dossierId = randomUUID();
  const passportNumber = randomPassport();
  const surname = options.surname ?? `TEST${randomInt(1_000_000)}`;
  const office = options.office ?? 'casablanca';
  const granted = addDays(options.transmittedOn, -10);
  const permitNumber = `AT-47-${randomInt(1_000_000)}`;
  const plannedStart =
    options.plannedStart ?? addDays(options.transmittedOn, 200);
  await source.query(
    `INSERT INTO worker (id, employer_id, surname, given_names, birth_date, nationality,
                         passport_number, passport_expiry, preferred_language)
     VALUES ($1, $2, $3, $4, '1990-05-01', 'MA', $5, $6, 'ar')`,
    [
      workerId,
      employerId,
      surname,
      options.givenNames ?? 'Youssef',
      passportNumber,
      addDays(options.transmittedOn, 3 * 365),
    ],
  );
  const recorded = {
    AT_GRANTED: { permitNumber, grantDate: granted },
    // As typed in the transition ('Casablanca'); the dossier's column keeps the code ('casablanca').
    AWAITING_OFII: {
      transmissionDate: options.transmittedOn,
      ofiiOffice: office.charAt(0).toUpperCase() + office.slice(1),
    },
  };
  await source.query(
    `INSERT INTO dossier (id, employer_id, worker_id, season, job_title, contract_type,
                          planned_start, planned_end, permit_number, permit_granted_on,
                          ofii_office, consulate, state, recorded, last_step_on, transmitted_on)
     VALUES ($1, $2, $3, $4, 'Ouvrier viticole', 'seasonal', $5, $6, $7, $8, $9, $9,
             'AWAITING_OFII', $10, $11, $11)`,
    [
      dossierId,
      employerId,
      workerId,
      Number(plannedStart.slice(0, 4)),
      plannedStart,
      addDays(plannedStart, 90),
      permitNumber,
      granted,
      office,
      JSON.stringify(recorded),
      options.transmittedOn,
    ],
  );
  return { dossierId, passportNumber, surname };
}

/** Outbox rows of the given recipients, by status. */
export async function outboxOf(recipients: string[]): Promise<
  Array<{
    id: string;
    recipient: string;
    status: string;
    reminder_key: string;
    attempts: number;
    message_id: string | null;
  }>
> {
  return (await db()).query(
    `SELECT id, recipient, status, reminder_key, attempts, message_id FROM reminder_outbox
      WHERE recipient = ANY($1::text[]) ORDER BY recipient, reminder_key`,
    [recipients.map((r) => r.toLowerCase())],
  );
}
