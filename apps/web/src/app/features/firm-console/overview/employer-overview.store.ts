import { Injectable, computed, inject, signal } from '@angular/core';
import {
  EMPLOYER_OVERVIEW_SORTS,
  EmployerOverviewQuery,
  EmployerOverviewRow,
  EmployerOverviewSort,
  OFII_OFFICES,
} from '@moisson/contract';
import { Subscription, finalize } from 'rxjs';
import { describeError } from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { DEPARTEMENT_PATTERN } from '../../employers/departement';
import { FirmOverviewService } from './firm-overview.service';

/** "Échéance sous 7 jours": a running legal deadline between today and today + 7. */
export const DEADLINE_SOON_DAYS = 7;

/** The filters of the overview as the page holds them (and the address bar shows them). */
export interface OverviewFilters {
  q: string;
  deadlineSoon: boolean;
  assignedToMe: boolean;
  overdue: boolean;
  unappealedRefusals: boolean;
  /** '' for every département. */
  departement: string;
  /** '' for every office. */
  ofiiOffice: string;
  sort: EmployerOverviewSort;
}

export const DEFAULT_OVERVIEW_FILTERS: OverviewFilters = {
  q: '',
  deadlineSoon: false,
  assignedToMe: false,
  overdue: false,
  unappealedRefusals: false,
  departement: '',
  ofiiOffice: '',
  sort: 'name',
};

/** Every filter but the sort (which only orders the list). */
const overviewFilterKeys = [
  'q',
  'deadlineSoon',
  'assignedToMe',
  'overdue',
  'unappealedRefusals',
  'departement',
  'ofiiOffice',
] as const satisfies readonly (keyof OverviewFilters)[];

const FLAG_PARAMS = [
  'deadlineSoon',
  'assignedToMe',
  'overdue',
  'unappealedRefusals',
] as const;

/** The API query of the filters (defaults left out), from `cursor` on. */
export function overviewQuery(
  filters: OverviewFilters,
  cursor: string | null = null,
): EmployerOverviewQuery {
  const query: EmployerOverviewQuery = {};
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.deadlineSoon) query.deadlineWithinDays = DEADLINE_SOON_DAYS;
  if (filters.assignedToMe) query.assignedToMe = true;
  if (filters.overdue) query.overdue = true;
  if (filters.unappealedRefusals) query.unappealedRefusals = true;
  if (filters.departement) query.departement = filters.departement;
  if (filters.ofiiOffice) query.ofiiOffice = filters.ofiiOffice;
  if (filters.sort !== 'name') query.sort = filters.sort;
  if (cursor) query.cursor = cursor;
  return query;
}

/**
 * The filters an address asks for (`?overdue=true&sort=longestWait&departement=47`); a value the
 * page does not know (a mistyped sort, a département that does not exist) is left at its default.
 */
export function filtersFromParams(
  get: (name: string) => string | null,
): OverviewFilters {
  const sort = get('sort') ?? '';
  const departement = (get('departement') ?? '').trim().toUpperCase();
  const office = get('ofiiOffice') ?? '';
  const filters: OverviewFilters = {
    ...DEFAULT_OVERVIEW_FILTERS,
    q: (get('q') ?? '').trim(),
    departement: DEPARTEMENT_PATTERN.test(departement) ? departement : '',
    ofiiOffice: (OFII_OFFICES as readonly string[]).includes(office)
      ? office
      : '',
    sort: (EMPLOYER_OVERVIEW_SORTS as readonly string[]).includes(sort)
      ? (sort as EmployerOverviewSort)
      : 'name',
  };
  for (const flag of FLAG_PARAMS) {
    filters[flag] = get(flag) === 'true';
  }
  return filters;
}

/** The query parameters of the address for `filters` (null removes a parameter). */
export function paramsFromFilters(
  filters: OverviewFilters,
): Record<string, string | null> {
  const params: Record<string, string | null> = {
    q: filters.q.trim() || null,
    departement: filters.departement || null,
    ofiiOffice: filters.ofiiOffice || null,
    sort: filters.sort === 'name' ? null : filters.sort,
  };
  for (const flag of FLAG_PARAMS) {
    params[flag] = filters[flag] ? 'true' : null;
  }
  return params;
}

/** The employers overview: current filters, the pages loaded so far, "load more". */
@Injectable()
export class EmployerOverviewStore {
  private readonly service = inject(FirmOverviewService);

  private readonly filtersState = signal<OverviewFilters>(
    DEFAULT_OVERVIEW_FILTERS,
  );
  private readonly rowsState = signal<EmployerOverviewRow[]>([]);
  private readonly totalState = signal<number | null>(null);
  private readonly todayState = signal<string | null>(null);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private request: Subscription | null = null;

  readonly filters = this.filtersState.asReadonly();
  readonly rows = this.rowsState.asReadonly();
  /** Employers matching the filters, on every page. */
  readonly total = this.totalState.asReadonly();
  /** The Paris day the API computed the figures for. */
  readonly today = this.todayState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** The first page of the current filters has arrived. */
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasMore = computed(() => this.nextCursorState() !== null);
  /** Some filter narrows the list (the sort does not). */
  readonly filtered = computed(() =>
    overviewFilterKeys.some(
      (key) => this.filtersState()[key] !== DEFAULT_OVERVIEW_FILTERS[key],
    ),
  );

  /** Starts over with `filters`; an answer to earlier filters that arrives late is dropped. */
  apply(filters: OverviewFilters): void {
    this.filtersState.set(filters);
    this.rowsState.set([]);
    this.nextCursorState.set(null);
    this.loadedState.set(false);
    this.fetch(null);
  }

  sortBy(sort: EmployerOverviewSort): void {
    if (sort !== this.filtersState().sort) {
      this.apply({ ...this.filtersState(), sort });
    }
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
      .list(overviewQuery(this.filtersState(), cursor))
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (page) => {
          this.rowsState.update((rows) =>
            cursor ? [...rows, ...page.items] : page.items,
          );
          this.nextCursorState.set(page.nextCursor);
          this.totalState.set(page.total);
          this.todayState.set(page.today);
          this.loadedState.set(true);
        },
        error: (error: unknown) => this.errorState.set(describeError(error)),
      });
  }
}
