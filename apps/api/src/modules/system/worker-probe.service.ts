import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { API_ERROR_CODES, WorkerProbeResponse } from '@moisson/contract';
import { Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { ApiException } from '../../core/http/api-exception';
import { enqueue } from '../../core/queue/enqueue';
import { JOB_OPTIONS } from '../../core/queue/job-options';
import {
  QueueName,
  SystemJobName,
  SystemJobPayloads,
} from '../../core/queue/queue-names';
import { describeConnectionError } from '../../core/startup/describe-connection-error';
import { WorkerProbeEntity } from './entities/worker-probe.entity';

/** Records a probe in Postgres, then queues it for the worker, which marks it processed. */
@Injectable()
export class WorkerProbeService {
  constructor(
    @InjectRepository(WorkerProbeEntity)
    private readonly probes: Repository<WorkerProbeEntity>,
    @InjectQueue(QueueName.System) private readonly queue: Queue,
  ) {}

  async create(): Promise<WorkerProbeResponse> {
    const probe = await this.probes.save(
      this.probes.create({
        id: randomUUID(),
        processedAt: null,
        processedBy: null,
      }),
    );
    const payload: SystemJobPayloads[SystemJobName.WorkerProbe] = {
      probeId: probe.id,
    };
    try {
      // Deterministic job id: queueing the same probe twice runs it once.
      await enqueue(this.queue, SystemJobName.WorkerProbe, payload, {
        ...JOB_OPTIONS.system,
        jobId: `probe-${probe.id}`,
      });
    } catch (error) {
      await this.probes.delete(probe.id);
      throw new ApiException(503, API_ERROR_CODES.SERVICE_UNAVAILABLE, {
        fr: `La tâche n'a pas pu être mise en file d'attente (${describeConnectionError(error, 'Redis')}). Rien n'a été enregistré : réessayez dans un instant.`,
        en: `The job could not be queued (${describeConnectionError(error, 'Redis')}). Nothing was recorded: try again in a moment.`,
      });
    }
    return toResponse(probe);
  }

  async get(id: string): Promise<WorkerProbeResponse> {
    const probe = await this.probes.findOneBy({ id });
    if (!probe) {
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucune sonde du worker n'a l'identifiant ${id}.`,
        en: `No worker probe has the id ${id}.`,
      });
    }
    return toResponse(probe);
  }

  /** Called by the worker: idempotent, the first processing wins. */
  async markProcessed(id: string, by: string): Promise<boolean> {
    const result = await this.probes
      .createQueryBuilder()
      .update()
      .set({ processedAt: () => 'now()', processedBy: by })
      .where('id = :id AND processed_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}

function toResponse(probe: WorkerProbeEntity): WorkerProbeResponse {
  return {
    id: probe.id,
    status: probe.processedAt ? 'done' : 'queued',
    requestedAt: probe.requestedAt.toISOString(),
    processedAt: probe.processedAt ? probe.processedAt.toISOString() : null,
    processedBy: probe.processedBy,
  };
}
