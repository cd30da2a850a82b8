import { Injectable, computed, inject, signal } from '@angular/core';
import { EmployerResponse } from '@moisson/contract';
import { Subscription, finalize } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { EmployersService } from './employers.service';

/** The employers list of the firm: the current search, the pages loaded so far, "load more". */
@Injectable()
export class EmployerListStore {
  private readonly service = inject(EmployersService);

  private readonly itemsState = signal<EmployerResponse[]>([]);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly searchState = signal('');
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private request: Subscription | null = null;

  readonly items = this.itemsState.asReadonly();
  readonly search = this.searchState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** The first page of the current search has arrived. */
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasMore = computed(() => this.nextCursorState() !== null);

  /** Starts over with `search` (an empty one lists every employer); a slower earlier answer is dropped. */
  searchFor(search: string): void {
    this.searchState.set(search.trim());
    this.itemsState.set([]);
    this.nextCursorState.set(null);
    this.loadedState.set(false);
    this.fetch(null);
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
    this.request = this.service
      .list({ search: this.searchState(), cursor })
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
