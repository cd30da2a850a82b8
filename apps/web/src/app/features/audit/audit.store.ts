import { Injectable, computed, inject, signal } from '@angular/core';
import { AuditEventResponse } from '@moisson/contract';
import {
  EMPTY,
  Subscription,
  catchError,
  finalize,
  from,
  map,
  mergeMap,
} from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { EmployersService } from '../employers/employers.service';
import { AuditQuery, AuditService } from './audit.service';

export type AuditFilters = Omit<AuditQuery, 'cursor'>;

/** How many employer names are looked up at once. */
const NAME_LOOKUP_CONCURRENCY = 4;

/** The audit log as filtered, page after page, with the names of the employers it mentions. */
@Injectable()
export class AuditStore {
  private readonly audit = inject(AuditService);
  private readonly employers = inject(EmployersService);

  private filters: AuditFilters = {};
  private readonly eventsState = signal<AuditEventResponse[]>([]);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private readonly employerNamesState = signal<ReadonlyMap<string, string>>(
    new Map(),
  );
  private readonly requestedNames = new Set<string>();
  private request: Subscription | null = null;

  readonly events = this.eventsState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasMore = computed(() => this.nextCursorState() !== null);
  readonly employerNames = this.employerNamesState.asReadonly();

  /** Remembers a name already known (e.g. picked in the employer filter). */
  rememberEmployer(id: string, name: string): void {
    this.requestedNames.add(id);
    this.employerNamesState.update((names) => new Map(names).set(id, name));
  }

  apply(filters: AuditFilters): void {
    this.filters = filters;
    this.eventsState.set([]);
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
    this.request = this.audit
      .list({ ...this.filters, cursor })
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (page) => {
          this.eventsState.update((events) =>
            cursor ? [...events, ...page.items] : page.items,
          );
          this.nextCursorState.set(page.nextCursor);
          this.loadedState.set(true);
          this.lookUpEmployerNames(page.items);
        },
        error: (error: unknown) => this.errorState.set(describeError(error)),
      });
  }

  private lookUpEmployerNames(events: AuditEventResponse[]): void {
    const unknown = [
      ...new Set(
        events
          .map((event) => event.employerId)
          .filter((id): id is string => id !== null),
      ),
    ].filter((id) => !this.requestedNames.has(id));
    unknown.forEach((id) => this.requestedNames.add(id));
    from(unknown)
      .pipe(
        mergeMap(
          (id) =>
            this.employers.get(id).pipe(
              map((employer) => [id, employer.legalName] as const),
              // The id stays on screen: the log still says which employer.
              catchError(() => EMPTY),
            ),
          NAME_LOOKUP_CONCURRENCY,
        ),
      )
      .subscribe(([id, name]) =>
        this.employerNamesState.update((names) => new Map(names).set(id, name)),
      );
  }
}
