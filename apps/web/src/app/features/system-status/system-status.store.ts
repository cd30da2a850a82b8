import { Injectable, computed, inject, signal } from '@angular/core';
import { HealthResponse } from '@moisson/contract';
import { finalize } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { ApiRequestError } from '../../core/http/api-request-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import {
  SystemStatusService,
  WorkerProbeTimeoutError,
} from './system-status.service';

export type WorkerProbeState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'succeeded'; roundTripMs: number; processedBy: string | null }
  | { kind: 'failed'; message: TranslatableMessage }
  /** The API wants a signed-in user to run the test. */
  | { kind: 'signInRequired' };

/**
 * State of the system status: the last health report (also the source of the version shown in the
 * footer) and the last worker round-trip test.
 */
@Injectable({ providedIn: 'root' })
export class SystemStatusStore {
  private readonly service = inject(SystemStatusService);

  private readonly healthState = signal<HealthResponse | null>(null);
  private readonly loadingState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private readonly unreachableState = signal(false);
  private readonly probeState = signal<WorkerProbeState>({ kind: 'idle' });

  /** The last report received; cleared when the API stops answering, so nothing stale says "ok". */
  readonly health = this.healthState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** Why the last check failed, when it did. */
  readonly error = this.errorState.asReadonly();
  /** The API did not answer at all. */
  readonly unreachable = this.unreachableState.asReadonly();
  readonly workerProbe = this.probeState.asReadonly();
  readonly version = computed(() => this.healthState()?.version ?? null);

  /** Checks the health once, unless a report is already there or on its way. */
  loadOnce(): void {
    if (this.healthState() === null) {
      this.refresh();
    }
  }

  /** Checks the health again (ignored while a check is running). */
  refresh(): void {
    if (this.loadingState()) {
      return;
    }
    this.loadingState.set(true);
    this.service
      .getHealth()
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (health) => {
          this.healthState.set(health);
          this.errorState.set(null);
          this.unreachableState.set(false);
        },
        error: (error: unknown) => {
          this.healthState.set(null);
          this.errorState.set(describeError(error));
          this.unreachableState.set(
            error instanceof ApiRequestError && error.kind === 'unreachable',
          );
        },
      });
  }

  /** Sends a probe through the queue to the worker and waits for it to come back. */
  testWorker(): void {
    if (this.probeState().kind === 'running') {
      return;
    }
    this.probeState.set({ kind: 'running' });
    this.service.runWorkerProbe().subscribe({
      next: ({ probe, roundTripMs }) =>
        this.probeState.set({
          kind: 'succeeded',
          roundTripMs,
          processedBy: probe.processedBy,
        }),
      error: (error: unknown) =>
        this.probeState.set(
          error instanceof ApiRequestError && error.status === 401
            ? { kind: 'signInRequired' }
            : {
                kind: 'failed',
                message:
                  error instanceof WorkerProbeTimeoutError
                    ? {
                        key: 'status.worker.timeout',
                        params: { seconds: error.timeoutMs / 1000 },
                      }
                    : describeError(error),
              },
        ),
    });
  }
}
