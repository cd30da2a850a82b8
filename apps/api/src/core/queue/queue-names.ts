import type { MailJob } from '../mail/mail-templates';

/**
 * Every queue and every job name, with its payload type, in one place.
 * A processor must handle every job name of its queue: the worker checks this at boot.
 */
export enum QueueName {
  System = 'system',
  Mail = 'mail',
  /** The reminder sweep: hourly (job scheduler) and on demand. */
  ReminderSweep = 'reminder-sweep',
  /** Reminder e-mails: one job per recipient's daily digest, one per urgent reminder. */
  ReminderSend = 'reminder-send',
}

export enum SystemJobName {
  WorkerProbe = 'worker-probe',
}

export interface SystemJobPayloads {
  /**
   * simulatedWorkMs (at most 10 s) makes the job last, to show that SIGTERM lets an active job
   * finish; the HTTP route never sets it.
   */
  [SystemJobName.WorkerProbe]: { probeId: string; simulatedWorkMs?: number };
}

export enum MailJobName {
  /** Render one e-mail from its template and send it over SMTP. */
  Send = 'send',
}

export interface MailJobPayloads {
  [MailJobName.Send]: MailJob;
}

export enum ReminderSweepJobName {
  /** Select due reminders, write them to the outbox, queue what is left to send. */
  Sweep = 'sweep',
}

export interface ReminderSweepJobPayloads {
  [ReminderSweepJobName.Sweep]: {
    trigger: 'schedule' | 'manual';
    /** Pending digests due later go out now (a firm admin's "send the digests now"). */
    sendDigestsNow?: boolean;
  };
}

export enum ReminderSendJobName {
  /** Every due, unsent, non-urgent outbox row of one recipient, in one e-mail. */
  Digest = 'digest',
  /** One urgent outbox row, in its own e-mail. */
  Urgent = 'urgent',
}

export interface ReminderSendJobPayloads {
  [ReminderSendJobName.Digest]: { recipient: string };
  [ReminderSendJobName.Urgent]: { outboxId: string };
}

export const JOB_NAMES_BY_QUEUE: Record<QueueName, readonly string[]> = {
  [QueueName.System]: Object.values(SystemJobName),
  [QueueName.Mail]: Object.values(MailJobName),
  [QueueName.ReminderSweep]: Object.values(ReminderSweepJobName),
  [QueueName.ReminderSend]: Object.values(ReminderSendJobName),
};
