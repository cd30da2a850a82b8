import { Injectable, computed, inject, signal } from '@angular/core';
import { DossierListItem, DossierListQuery } from '@moisson/contract';
import { Subscription, finalize } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { DossiersService } from './dossiers.service';

/** An employer's dossier list: the current filters, the pages loaded so far, "load more". */
@Injectable()
export class DossierListStore {
  private readonly service = inject(DossiersService);

  private readonly itemsState = signal<DossierListItem[]>([]);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly queryState = signal<DossierListQuery>({});
  private readonly employerIdState = signal<string | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private request: Subscription | null = null;

  readonly items = this.itemsState.asReadonly();
  readonly query = this.queryState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasMore = computed(() => this.nextCursorState() !== null);
  /** The CSV export of the current filters. */
  readonly exportUrl = computed(() => {
    const employerId = this.employerIdState();
    return employerId
      ? this.service.exportUrl(employerId, this.queryState())
      : null;
  });

  /** Starts over with `query`; a slower earlier answer is dropped. */
  load(employerId: string, query: DossierListQuery): void {
    this.employerIdState.set(employerId);
    this.queryState.set(query);
    this.itemsState.set([]);
    this.nextCursorState.set(null);
    this.loadedState.set(false);
    this.fetch(null);
  }

  reload(): void {
    const employerId = this.employerIdState();
    if (employerId) {
      this.load(employerId, this.queryState());
    }
  }

  loadMore(): void {
    const cursor = this.nextCursorState();
    if (cursor && !this.loadingState()) {
      this.fetch(cursor);
    }
  }

  private fetch(cursor: string | null): void {
    const employerId = this.employerIdState();
    if (!employerId) {
      return;
    }
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    this.request = this.service
      .list(employerId, { ...this.queryState(), cursor: cursor ?? undefined })
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
}
