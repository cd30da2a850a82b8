import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { API_ERROR_CODES } from '@moisson/contract';
import { JobsOptions, Queue } from 'bullmq';
import { ApiException } from '../http/api-exception';
import { enqueue } from '../queue/enqueue';
import { JOB_OPTIONS } from '../queue/job-options';
import { MailJobName, QueueName } from '../queue/queue-names';
import { describeConnectionError } from '../startup/describe-connection-error';
import { isMailAddress } from './mail-address';
import { DEFAULT_MAIL_LOCALE, MailLocale } from './mail-template';
import {
  MailJob,
  MailTemplateData,
  MailTemplateName,
  renderMail,
} from './mail-templates';

/** One e-mail to send: the template name decides the type of `data`. */
export type MailMessage = {
  [Name in MailTemplateName]: {
    template: Name;
    /** One plain address (no display name, no list). */
    to: string;
    /** The recipient's language; French when not given. */
    locale?: MailLocale;
    data: MailTemplateData<Name>;
    /**
     * The same key for the same template never queues a second e-mail (while the first job is
     * kept in Redis: 24 h after it is sent, 7 days after it failed). E.g. `invitation-<id>`.
     */
    idempotencyKey?: string;
  };
}[MailTemplateName];

/**
 * Queues e-mails; the worker's MailProcessor renders and sends them. Usable from the API and from
 * the worker. Errors are ApiExceptions so an HTTP caller answers 400 or 503 as is.
 */
@Injectable()
export class MailService {
  constructor(@InjectQueue(QueueName.Mail) private readonly queue: Queue) {}

  /**
   * Checks the address and the data (by rendering once), then queues the e-mail. Resolves once
   * Redis holds the job; throws 400 for a malformed address, 503 when Redis does not accept the
   * job within a few seconds.
   */
  async send(message: MailMessage): Promise<void> {
    const to = message.to.trim();
    if (!isMailAddress(to)) {
      throw new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
        fr: `« ${to.slice(0, 100)} » n'est pas une adresse e-mail valide : indiquez une seule adresse, par exemple nom@exemple.fr.`,
        en: `"${to.slice(0, 100)}" is not a valid e-mail address: give one address such as name@example.org.`,
      });
    }
    const job = {
      template: message.template,
      to,
      locale: message.locale ?? DEFAULT_MAIL_LOCALE,
      data: message.data,
    } as MailJob;
    // A template that cannot render this data fails here, in the caller, not five times in the worker.
    renderMail(job);

    const options: JobsOptions = { ...JOB_OPTIONS.mail };
    if (message.idempotencyKey !== undefined) {
      options.jobId = mailJobId(message.template, message.idempotencyKey);
    }
    try {
      await enqueue(this.queue, MailJobName.Send, job, options);
    } catch (error) {
      throw new ApiException(503, API_ERROR_CODES.SERVICE_UNAVAILABLE, {
        fr: `L'e-mail n'a pas pu être mis en file d'attente (${describeConnectionError(error, 'Redis')}). Réessayez dans un instant.`,
        en: `The e-mail could not be queued (${describeConnectionError(error, 'Redis')}). Try again in a moment.`,
      });
    }
  }
}

/**
 * The job id for an idempotency key: deterministic, so BullMQ ignores a second job with it.
 * Hashed because BullMQ refuses ":" in ids and the key may hold anything.
 */
export function mailJobId(
  template: MailTemplateName,
  idempotencyKey: string,
): string {
  if (idempotencyKey === '') {
    throw new RangeError('A mail idempotency key must not be empty');
  }
  const hash = createHash('sha256').update(idempotencyKey).digest('hex');
  return `mail-${template}-${hash.slice(0, 40)}`;
}
