import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JobHandlers } from '../queue/job-handlers';
import { MailJobName, MailJobPayloads, QueueName } from '../queue/queue-names';
import { MailJob, renderMail } from './mail-templates';
import { MailTransport } from './mail-transport';

/**
 * Processes the mail queue in the worker: renders each e-mail from its template and sends it over
 * SMTP (AppConfig.SMTP_URL) from AppConfig.MAIL_FROM. A refusal the server calls temporary (4xx),
 * a lost connection or a timeout is retried with back-off (JOB_OPTIONS.mail); a permanent refusal
 * (5xx) or a message that cannot be rendered fails the job at once.
 */
@Processor(QueueName.Mail)
export class MailProcessor
  extends WorkerHost
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger(MailProcessor.name);

  /** Every job name of the queue has a handler: the type makes a missing one a compile error. */
  readonly handlers: JobHandlers<MailJobPayloads> = {
    [MailJobName.Send]: (mail) => this.deliver(mail),
  };

  constructor(
    private readonly config: AppConfig,
    private readonly transport: MailTransport,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as MailJobName];
    if (!handler) {
      throw new UnrecoverableError(
        `No handler for job "${job.name}" on queue "${QueueName.Mail}"`,
      );
    }
    try {
      await handler(job.data);
    } catch (error) {
      const permanent = error instanceof UnrecoverableError;
      const last =
        permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const mail = job.data as MailJob;
      this.logger[last ? 'error' : 'warn'](
        {
          jobId: job.id,
          template: mail.template,
          toDomain: domainOf(mail.to),
          attempt: job.attemptsMade + 1,
          error: (error as Error).message,
        },
        last ? 'e-mail not sent, giving up' : 'e-mail not sent, will retry',
      );
      throw error;
    }
  }

  private async deliver(mail: MailJob): Promise<void> {
    let rendered;
    try {
      rendered = renderMail(mail);
    } catch (error) {
      throw new UnrecoverableError(
        `Cannot render e-mail "${mail.template}": ${(error as Error).message}`,
      );
    }
    try {
      const messageId = await this.transport.send({
        to: mail.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        locale: mail.locale,
      });
      this.logger.log(
        {
          template: mail.template,
          toDomain: domainOf(mail.to),
          messageId,
        },
        'e-mail sent',
      );
    } catch (error) {
      if (isPermanentSmtpRefusal(error)) {
        throw new UnrecoverableError(
          `The SMTP server refused the e-mail for good: ${(error as Error).message}`,
        );
      }
      throw error;
    }
  }
}

/** A 5xx reply is final (unknown mailbox, message refused); 4xx and network errors are worth retrying. */
export function isPermanentSmtpRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Logs name the recipient's domain only, not the person. */
export function domainOf(address: string | undefined): string {
  return address?.slice(address.lastIndexOf('@') + 1) ?? '';
}
