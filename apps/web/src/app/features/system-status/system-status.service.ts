import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { HealthResponse, WorkerProbeResponse } from '@moisson/contract';
import {
  Observable,
  catchError,
  defer,
  exhaustMap,
  first,
  map,
  of,
  switchMap,
  throwError,
  timeout,
  timer,
} from 'rxjs';
import { SKIP_AUTH_REDIRECT } from '../../core/auth/skip-auth-redirect';
import { ApiRequestError } from '../../core/http/api-request-error';

export const HEALTH_URL = '/api/health';
export const WORKER_PROBES_URL = '/api/system/worker-probes';

/** How often the probe is read back while the worker has not processed it yet. */
export const WORKER_PROBE_POLL_INTERVAL_MS = 300;
/** After this long without the worker processing the probe, the test fails. */
export const WORKER_PROBE_TIMEOUT_MS = 15_000;

export interface WorkerProbeOutcome {
  probe: WorkerProbeResponse;
  /** API -> queue -> worker -> Postgres, in milliseconds. */
  roundTripMs: number;
}

/** The worker did not process the probe within `WORKER_PROBE_TIMEOUT_MS`. */
export class WorkerProbeTimeoutError extends Error {
  override readonly name = 'WorkerProbeTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`The worker did not process the probe within ${timeoutMs} ms`);
  }
}

/** HTTP calls of the system status page. */
@Injectable({ providedIn: 'root' })
export class SystemStatusService {
  private readonly http = inject(HttpClient);
  /** The status page is public: a 401 of the worker test becomes "sign in to test", not a redirect. */
  private readonly stayOnPage = new HttpContext().set(SKIP_AUTH_REDIRECT, true);

  /**
   * The health report. A 503 carries the same report (one component is down), so it is data here,
   * not an error; anything else that fails is rethrown as an `ApiRequestError`.
   */
  getHealth(): Observable<HealthResponse> {
    return this.http
      .get<HealthResponse>(HEALTH_URL)
      .pipe(
        catchError((error: unknown) =>
          error instanceof ApiRequestError &&
          error.status === 503 &&
          isHealthResponse(error.body)
            ? of(error.body)
            : throwError(() => error),
        ),
      );
  }

  createWorkerProbe(): Observable<WorkerProbeResponse> {
    return this.http.post<WorkerProbeResponse>(WORKER_PROBES_URL, null, {
      context: this.stayOnPage,
    });
  }

  getWorkerProbe(id: string): Observable<WorkerProbeResponse> {
    return this.http.get<WorkerProbeResponse>(
      `${WORKER_PROBES_URL}/${encodeURIComponent(id)}`,
      { context: this.stayOnPage },
    );
  }

  /**
   * Queues a probe, then reads it back every 300 ms until the worker has processed it.
   * Fails with `WorkerProbeTimeoutError` after 15 s.
   */
  runWorkerProbe(): Observable<WorkerProbeOutcome> {
    return defer(() => {
      const startedAt = Date.now();
      return this.createWorkerProbe().pipe(
        switchMap((created) =>
          created.status === 'done'
            ? of(created)
            : timer(
                WORKER_PROBE_POLL_INTERVAL_MS,
                WORKER_PROBE_POLL_INTERVAL_MS,
              ).pipe(
                // A slow answer is not stacked with new requests.
                exhaustMap(() => this.getWorkerProbe(created.id)),
                first((probe) => probe.status === 'done'),
              ),
        ),
        timeout({
          first: WORKER_PROBE_TIMEOUT_MS,
          with: () =>
            throwError(
              () => new WorkerProbeTimeoutError(WORKER_PROBE_TIMEOUT_MS),
            ),
        }),
        map((probe) => ({
          probe,
          roundTripMs: roundTripMs(probe, Date.now() - startedAt),
        })),
      );
    });
  }
}

/**
 * The time the system took, from the probe's own timestamps (not blurred by the polling interval);
 * the time measured in the browser when those are missing or inconsistent (clocks of two hosts).
 */
function roundTripMs(
  probe: WorkerProbeResponse,
  measuredInBrowserMs: number,
): number {
  const requested = Date.parse(probe.requestedAt);
  const processed = probe.processedAt
    ? Date.parse(probe.processedAt)
    : Number.NaN;
  const fromTimestamps = processed - requested;
  return Number.isFinite(fromTimestamps) && fromTimestamps >= 0
    ? Math.round(fromTimestamps)
    : measuredInBrowserMs;
}

export function isHealthResponse(value: unknown): value is HealthResponse {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const { status, checks } = value as Partial<HealthResponse>;
  return (
    (status === 'ok' || status === 'degraded') &&
    checks !== undefined &&
    [checks.api, checks.database, checks.redis].every(
      (check) =>
        check !== undefined &&
        (check.status === 'ok' || check.status === 'down'),
    )
  );
}
