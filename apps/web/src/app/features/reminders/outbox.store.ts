import {
  DestroyRef,
  Injectable,
  computed,
  inject,
  signal,
} from '@angular/core';
import {
  ReminderOutboxItem,
  ReminderOutboxStatus,
  SweepRequestedResponse,
} from '@moisson/contract';
import { Subscription, finalize, timer } from 'rxjs';
import {
  describeError,
  describeFormError,
} from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { RemindersService } from './reminders.service';

/**
 * The sweep runs in the worker a moment after it is queued: the list is read at once and once more
 * after this delay, so the rows it writes show up without a manual reload.
 */
export const SWEEP_RELOAD_DELAY_MS = 3000;

/**
 * The firm's outbox, filtered by status, page after page; "send again" on a failed row and
 * "run the sweep now" change it in place.
 */
@Injectable()
export class OutboxStore {
  private readonly service = inject(RemindersService);

  private readonly itemsState = signal<ReminderOutboxItem[]>([]);
  private readonly statusState = signal<ReminderOutboxStatus | null>(null);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  /** Rows being sent again, and why a resend was refused, by row id. */
  private readonly resendingState = signal<ReadonlySet<string>>(new Set());
  private readonly resendErrorsState = signal<
    ReadonlyMap<string, TranslatableMessage>
  >(new Map());
  private readonly sweepState = signal<
    | { kind: 'idle' }
    | { kind: 'requesting' }
    | { kind: 'requested'; response: SweepRequestedResponse }
    | { kind: 'failed'; message: TranslatableMessage }
  >({ kind: 'idle' });
  private request: Subscription | null = null;
  private delayedReload: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.delayedReload?.unsubscribe();
    });
  }

  readonly items = this.itemsState.asReadonly();
  readonly status = this.statusState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasMore = computed(() => this.nextCursorState() !== null);
  readonly resending = this.resendingState.asReadonly();
  readonly resendErrors = this.resendErrorsState.asReadonly();
  readonly sweep = this.sweepState.asReadonly();

  filter(status: ReminderOutboxStatus | null): void {
    this.statusState.set(status);
    this.itemsState.set([]);
    this.nextCursorState.set(null);
    this.loadedState.set(false);
    this.fetch(null);
  }

  reload(): void {
    this.filter(this.statusState());
  }

  loadMore(): void {
    const cursor = this.nextCursorState();
    if (cursor && !this.loadingState()) {
      this.fetch(cursor);
    }
  }

  private fetch(cursor: string | null): void {
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    const status = this.statusState();
    this.request = this.service
      .outbox({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) })
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (page) => {
          this.itemsState.update((items) =>
            cursor ? [...items, ...page.items] : page.items,
          );
          this.nextCursorState.set(page.nextCursor);
          this.loadedState.set(true);
        },
        error: (error: unknown) => this.errorState.set(describeError(error)),
      });
  }

  /** Puts a failed row back in the queue; the row shows its new status at once. */
  resend(id: string): void {
    if (this.resendingState().has(id)) {
      return;
    }
    this.resendingState.update((ids) => new Set(ids).add(id));
    this.resendErrorsState.update((errors) => {
      const next = new Map(errors);
      next.delete(id);
      return next;
    });
    this.service
      .resend(id)
      .pipe(
        finalize(() =>
          this.resendingState.update((ids) => {
            const next = new Set(ids);
            next.delete(id);
            return next;
          }),
        ),
      )
      .subscribe({
        next: (row) =>
          this.itemsState.update((items) =>
            items.map((item) => (item.id === row.id ? row : item)),
          ),
        error: (error: unknown) =>
          this.resendErrorsState.update((errors) =>
            new Map(errors).set(id, describeFormError(error)),
          ),
      });
  }

  /**
   * Asks the API to run the sweep now (firm admins), and with `sendDigestsNow` to send the digests
   * at once rather than at 07:00; the list is read again once queued.
   */
  runSweep(sendDigestsNow = false): void {
    if (this.sweepState().kind === 'requesting') {
      return;
    }
    this.sweepState.set({ kind: 'requesting' });
    this.service.sweep({ sendDigestsNow }).subscribe({
      next: (response) => {
        this.sweepState.set({ kind: 'requested', response });
        this.reload();
        this.delayedReload?.unsubscribe();
        this.delayedReload = timer(SWEEP_RELOAD_DELAY_MS).subscribe(() =>
          this.reload(),
        );
      },
      error: (error: unknown) =>
        this.sweepState.set({
          kind: 'failed',
          message: describeFormError(error),
        }),
    });
  }
}
