import { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import {
  createTestApp,
  createTestWorker,
  eventually,
} from '../../../test/test-app';
import { deleteRedisPrefix } from '../../../test/test-database';
import { ApiException } from '../http/api-exception';
import { JOB_OPTIONS } from '../queue/job-options';
import { QueueName } from '../queue/queue-names';
import { MailService, mailJobId } from './mail.service';

/** What the test SMTP server received: the parsed message and its SMTP envelope. */
interface Received {
  mail: ParsedMail;
  envelopeFrom: string;
  envelopeTo: string[];
}

/** A real SMTP server on a free loopback port that records every message it accepts. */
interface SmtpCatcher {
  url: string;
  received: Received[];
  /** DATA commands seen, accepted or refused. */
  attempts: () => number;
  close: () => Promise<void>;
}

async function startSmtpServer(
  options: { refuseFirst?: number; refuseWith?: number } = {},
): Promise<SmtpCatcher> {
  const { refuseFirst = 0, refuseWith = 451 } = options;
  const received: Received[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      attempts += 1;
      if (attempts <= refuseFirst) {
        stream.on('end', () =>
          callback(
            Object.assign(
              new Error(
                refuseWith < 500
                  ? 'Greylisted: try again later'
                  : 'Mailbox unavailable',
              ),
              { responseCode: refuseWith },
            ),
          ),
        );
        stream.resume();
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          received.push({
            mail,
            envelopeFrom: session.envelope.mailFrom
              ? session.envelope.mailFrom.address
              : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) =>
    a.value.map((v) => ({ name: v.name, address: v.address })),
  );

const MAIL_FROM = 'Moisson Test <no-reply@moisson.test>';

describe('mail: MailService (API) -> Redis queue -> MailProcessor (worker) -> SMTP', () => {
  // A prefix of its own, under this run's test prefix, so no other suite's worker takes these jobs.
  const testPrefix = process.env['REDIS_PREFIX'] ?? '';
  const prefix = `${testPrefix}-mail`;
  let app: NestFastifyApplication;
  let mail: MailService;
  let queue: Queue;
  let worker: INestApplicationContext | undefined;
  let smtp: SmtpCatcher | undefined;

  const startWorker = async (catcher: SmtpCatcher) => {
    worker = await createTestWorker({
      REDIS_PREFIX: prefix,
      SMTP_URL: catcher.url,
      MAIL_FROM,
    });
  };
  const counts = () =>
    queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  /** Waits until every job has finished (completed or failed) and none is left to run. */
  const settled = () =>
    eventually(async () => {
      const c = await counts();
      return c['waiting'] + c['active'] + c['delayed'] === 0 ? c : undefined;
    });

  beforeAll(async () => {
    if (!testPrefix.startsWith('moisson-test'))
      throw new Error(
        `REDIS_PREFIX is "${testPrefix}": run through jest.integration.config.cts, which sets a test prefix`,
      );
    app = await createTestApp({ REDIS_PREFIX: prefix });
    mail = app.get(MailService);
    queue = app.get<Queue>(getQueueToken(QueueName.Mail));
    await queue.waitUntilReady();
  });
  beforeEach(async () => {
    await queue.obliterate({ force: true });
  });
  afterEach(async () => {
    jest.restoreAllMocks(); // JOB_OPTIONS.mail, if a test shortened its back-off
    await worker?.close();
    worker = undefined;
    await smtp?.close();
    smtp = undefined;
  });
  afterAll(async () => {
    await app?.close();
    await deleteRedisPrefix(
      process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      prefix,
    );
  });

  it('queues in the API, and a worker started later sends one French e-mail with a text and an HTML part', async () => {
    smtp = await startSmtpServer();
    await mail.send({
      template: 'password-reset',
      to: 'karim.benali@example.org',
      data: {
        resetUrl: 'https://moisson.example.fr/password-reset/7f3c9a',
        expiresAt: '2026-01-02T23:15:00Z',
      },
    });
    expect((await counts())['waiting']).toBe(1);
    expect(smtp.received).toHaveLength(0);

    await startWorker(smtp);
    const c = await settled();
    expect(c['completed']).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const { mail: got, envelopeFrom, envelopeTo } = smtp.received[0];
    expect(envelopeTo).toEqual(['karim.benali@example.org']);
    expect(envelopeFrom).toBe('no-reply@moisson.test');
    expect(got.subject).toBe('Réinitialisation de votre mot de passe Moisson');
    expect(addresses(got.to)).toEqual([
      { name: '', address: 'karim.benali@example.org' },
    ]);
    expect(addresses(got.from)).toEqual([
      { name: 'Moisson Test', address: 'no-reply@moisson.test' },
    ]);
    expect(got.text).toContain(
      'Ce lien est valable jusqu’au 03/01/2026 00:15 (heure de Paris).',
    );
    expect(got.text).toContain(
      'https://moisson.example.fr/password-reset/7f3c9a',
    );
    expect(got.html).toBeTruthy();
    expect(got.html).toContain('<html lang="fr">');
    expect(got.html).toContain(
      'href="https://moisson.example.fr/password-reset/7f3c9a"',
    );
    expect(got.headers.get('content-language')).toBe('fr');
    expect(got.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('writes in English when asked, escaping what the data holds', async () => {
    smtp = await startSmtpServer();
    await startWorker(smtp);
    await mail.send({
      template: 'invitation',
      to: 'amina@example.org',
      locale: 'en',
      data: {
        inviteeEmail: 'amina@example.org',
        inviterName: 'Claire <b>Martin</b>',
        organisationName: 'SCEA Les Vergers du Sud',
        acceptUrl: 'https://moisson.example.fr/invitations/abc',
        expiresAt: '2026-06-20T21:59:00.000Z',
      },
    });
    await eventually(async () => smtp?.received.length === 1);
    const got = smtp.received[0].mail;
    expect(got.subject).toBe(
      'Invitation to join SCEA Les Vergers du Sud on Moisson',
    );
    expect(got.text).toContain(
      'Claire <b>Martin</b> has invited you to join SCEA Les Vergers du Sud',
    );
    expect(got.text).toContain('valid until 20/06/2026 23:59 (Paris time)');
    expect(got.html).toContain('<html lang="en">');
    expect(got.html).toContain('Claire &lt;b&gt;Martin&lt;/b&gt;');
    expect(got.html).not.toContain('<b>Martin</b>');
  });

  it('sends one e-mail for one idempotency key, however often it is queued', async () => {
    smtp = await startSmtpServer();
    const reset = (idempotencyKey: string) =>
      mail.send({
        template: 'password-reset',
        to: 'karim.benali@example.org',
        data: {
          resetUrl: `https://moisson.example.fr/password-reset/${idempotencyKey}`,
          expiresAt: '2026-01-02T23:15:00Z',
        },
        idempotencyKey,
      });
    await reset('reset-1');
    await reset('reset-1');
    expect((await counts())['waiting']).toBe(1);

    await startWorker(smtp);
    await settled();
    await reset('reset-1'); // again, after it was sent
    await reset('reset-2'); // a different key is sent: the worker is alive
    const c = await eventually(async () => {
      const now = await counts();
      return now['completed'] === 2 ? now : undefined;
    });
    await settled();
    expect(c['completed']).toBe(2);
    expect(smtp.attempts()).toBe(2);
    expect(
      smtp.received.map((r) => r.mail.text?.match(/reset-\d/)?.[0]),
    ).toEqual(['reset-1', 'reset-2']);
  });

  it('retries after temporary SMTP refusals (4xx) and delivers exactly one e-mail', async () => {
    // Same attempts and exponential back-off as in production, from 50 ms instead of 2 s.
    jest.replaceProperty(JOB_OPTIONS, 'mail', {
      ...JOB_OPTIONS.mail,
      backoff: { type: 'exponential', delay: 50 },
    });
    smtp = await startSmtpServer({ refuseFirst: 2, refuseWith: 451 });
    await startWorker(smtp);
    await mail.send({
      template: 'password-changed',
      to: 'karim.benali@example.org',
      data: { changedAt: '2026-10-25T00:45:00Z', ip: '203.0.113.7' },
      idempotencyKey: 'changed-1',
    });
    const c = await settled();
    expect(c['completed']).toBe(1);
    expect(c['failed']).toBe(0);
    expect(smtp.attempts()).toBe(3);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].mail.subject).toBe(
      'Votre mot de passe Moisson a été modifié',
    );
    const job = await queue.getJob(mailJobId('password-changed', 'changed-1'));
    expect(job?.attemptsMade).toBe(3);
    expect(job?.opts.backoff).toEqual({ type: 'exponential', delay: 50 });
  });

  it('gives up at once on a permanent refusal (5xx): one attempt, the job failed, nothing delivered', async () => {
    smtp = await startSmtpServer({ refuseFirst: 99, refuseWith: 550 });
    await startWorker(smtp);
    await mail.send({
      template: 'password-changed',
      to: 'nobody@example.org',
      data: { changedAt: '2026-10-25T00:45:00Z', ip: '203.0.113.7' },
      idempotencyKey: 'changed-2',
    });
    const c = await settled();
    expect(c['failed']).toBe(1);
    expect(smtp.attempts()).toBe(1);
    expect(smtp.received).toHaveLength(0);
    const job = await queue.getJob(mailJobId('password-changed', 'changed-2'));
    expect(job?.failedReason).toMatch(/refused the e-mail for good.*550/);
  });

  it('refuses a malformed address with a 400 before anything is queued', async () => {
    for (const to of ['not an address', 'a@example.org, b@example.org']) {
      const sent = mail.send({
        template: 'password-changed',
        to,
        data: { changedAt: '2026-10-25T00:45:00Z', ip: '203.0.113.7' },
      });
      const error = await sent.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiException);
      expect((error as ApiException).getStatus()).toBe(400);
      expect((error as ApiException).code).toBe('BAD_REQUEST');
    }
    const c = await counts();
    expect(c['waiting'] + c['delayed']).toBe(0);
  });
});
