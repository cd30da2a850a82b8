import type { MailJob } from '../mail/mail-templates';

/**
 * Every queue and every job name, with its payload type, in one place.
 * A processor must handle every job name of its queue: the worker checks this at boot.
 */
export enum QueueName {
  System = 'system',
  Mail = 'mail',
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

export const JOB_NAMES_BY_QUEUE: Record<QueueName, readonly string[]> = {
  [QueueName.System]: Object.values(SystemJobName),
  [QueueName.Mail]: Object.values(MailJobName),
};
