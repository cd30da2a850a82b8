import { Queue } from 'bullmq';
import { QueueName } from '../src/core/queue/queue-names';
import { bullPrefix } from '../src/core/queue/redis-options';

/**
 * The e-mails queued in this run's Redis (no worker runs in these tests, so they wait there).
 * Lets a test follow the link an e-mail carries, the way the person would.
 */
export async function queuedMails(): Promise<
  Array<{ template: string; to: string; data: Record<string, string> }>
> {
  const url = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  const queue = new Queue(QueueName.Mail, {
    connection: { host: url.hostname, port: Number(url.port || 6379) },
    prefix: bullPrefix(process.env['REDIS_PREFIX'] as string),
  });
  try {
    const jobs = await queue.getJobs([
      'waiting',
      'delayed',
      'active',
      'completed',
      'failed',
      'prioritized',
    ]);
    return jobs.map(
      (j) =>
        j.data as {
          template: string;
          to: string;
          data: Record<string, string>;
        },
    );
  } finally {
    await queue.close();
  }
}

/** The token at the end of the newest e-mailed link of `template` to `to`. */
export async function tokenFromMail(
  template: string,
  to: string,
  field: 'acceptUrl' | 'resetUrl',
): Promise<string> {
  const mails = (await queuedMails()).filter(
    (m) => m.template === template && m.to === to,
  );
  const mail = mails[mails.length - 1];
  if (!mail) throw new Error(`No ${template} e-mail to ${to} was queued`);
  const url = new URL(mail.data[field]);
  return url.searchParams.get('token') ?? url.pathname.split('/').pop() ?? '';
}
