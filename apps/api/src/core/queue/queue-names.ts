/**
 * Every queue and every job name, with its payload type, in one place.
 * A processor must handle every job name of its queue: the worker checks this at boot.
 */
export enum QueueName {
  System = 'system',
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

export const JOB_NAMES_BY_QUEUE: Record<QueueName, readonly string[]> = {
  [QueueName.System]: Object.values(SystemJobName),
};
