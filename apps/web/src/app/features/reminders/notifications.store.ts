import { Injectable, computed, inject, signal } from '@angular/core';
import { NotificationItem, ReminderOutboxStatus } from '@moisson/contract';
import { Subscription, finalize } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { RemindersService } from './reminders.service';

/** How many notifications the centre shows (the API allows up to 200). */
export const NOTIFICATIONS_LIMIT = 100;

/**
 * The signed-in user's reminders: the bell's count and the notification centre's list, shared
 * by both (one request serves them), read again when asked.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly service = inject(RemindersService);

  private readonly itemsState = signal<NotificationItem[]>([]);
  private readonly pendingCountState = signal<number | null>(null);
  private readonly statusState = signal<ReminderOutboxStatus | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private request: Subscription | null = null;

  readonly items = this.itemsState.asReadonly();
  /** Reminders not sent yet; null until the first answer (the bell shows no number). */
  readonly pendingCount = this.pendingCountState.asReadonly();
  readonly status = this.statusState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  /** Urgent reminders first in the page's header line. */
  readonly urgentCount = computed(
    () =>
      this.itemsState().filter((item) => item.urgent && item.status !== 'sent')
        .length,
  );

  /** Reads the list again with the current filter. */
  load(): void {
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    const status = this.statusState();
    this.request = this.service
      .notifications({
        ...(status ? { status } : {}),
        limit: NOTIFICATIONS_LIMIT,
      })
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (response) => {
          this.itemsState.set(response.items);
          this.pendingCountState.set(response.pendingCount);
          this.loadedState.set(true);
        },
        error: (error: unknown) => this.errorState.set(describeError(error)),
      });
  }

  filter(status: ReminderOutboxStatus | null): void {
    this.statusState.set(status);
    this.load();
  }

  /** Forgets everything (on sign-out): the next user starts with an empty bell. */
  reset(): void {
    this.request?.unsubscribe();
    this.request = null;
    this.itemsState.set([]);
    this.pendingCountState.set(null);
    this.statusState.set(null);
    this.loadingState.set(false);
    this.loadedState.set(false);
    this.errorState.set(null);
  }
}
