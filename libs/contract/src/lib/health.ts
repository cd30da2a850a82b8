export type ComponentState = 'ok' | 'down';

export interface ComponentHealth {
  status: ComponentState;
  /** Round-trip time of the check, in milliseconds. */
  latencyMs: number;
  /** Why the component is down, in words a person can act on. Absent when ok. */
  error?: string;
}

/**
 * `GET /api/health`: 200 when every component is ok, 503 with the same body otherwise.
 */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  version: string;
  /** ISO 8601 instant at which the checks ran. */
  checkedAt: string;
  checks: {
    api: ComponentHealth;
    database: ComponentHealth;
    redis: ComponentHealth;
  };
}

export type WorkerProbeStatus = 'queued' | 'done';

/**
 * A round trip API -> queue -> worker -> Postgres: `POST /api/system/worker-probes`
 * records a probe and queues it; the worker marks it done; `GET /api/system/worker-probes/:id` reads it.
 */
export interface WorkerProbeResponse {
  id: string;
  status: WorkerProbeStatus;
  requestedAt: string;
  processedAt: string | null;
  /** host:pid of the worker process that handled it. */
  processedBy: string | null;
}
