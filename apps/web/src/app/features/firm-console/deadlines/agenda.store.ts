import { Injectable, computed, inject, signal } from '@angular/core';
import { AgendaItem, AgendaItemKind } from '@moisson/contract';
import { CalendarDate, addDays, parisToday } from '@moisson/domain';
import { Subscription, finalize } from 'rxjs';
import { describeError } from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { AgendaService } from './agenda.service';
import {
  CalendarDay,
  CalendarView,
  calendarRange,
  calendarWeeks,
  groupByDay,
  shiftAnchor,
} from './calendar-grid';

/** How far ahead the list looks (the API's own default is 90 days). */
export const AGENDA_HORIZONS = [7, 30, 90, 365] as const;
export type AgendaHorizon = (typeof AGENDA_HORIZONS)[number];

export type AgendaMode = 'list' | CalendarView;

export interface AgendaFilters {
  /** Empty: every kind. */
  kinds: AgendaItemKind[];
  horizon: AgendaHorizon;
}

export interface CalendarCell extends CalendarDay {
  items: AgendaItem[];
}

/**
 * The deadlines page: the list (from today, `horizon` days ahead, page by page) and the week/month
 * calendar around an anchor day. Both take the same kind filter.
 */
@Injectable()
export class AgendaStore {
  private readonly service = inject(AgendaService);

  private readonly modeState = signal<AgendaMode>('list');
  private readonly filtersState = signal<AgendaFilters>({
    kinds: [],
    horizon: 30,
  });
  private readonly todayState = signal<CalendarDate>(parisToday(new Date()));
  private readonly anchorState = signal<CalendarDate>(this.todayState());
  private readonly itemsState = signal<AgendaItem[]>([]);
  private readonly calendarItemsState = signal<AgendaItem[]>([]);
  private readonly truncatedState = signal(false);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private request: Subscription | null = null;

  readonly mode = this.modeState.asReadonly();
  readonly filters = this.filtersState.asReadonly();
  readonly today = this.todayState.asReadonly();
  readonly anchor = this.anchorState.asReadonly();
  readonly items = this.itemsState.asReadonly();
  readonly truncated = this.truncatedState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasMore = computed(() => this.nextCursorState() !== null);
  /** Items in the calendar's range. */
  readonly calendarCount = computed(() => this.calendarItemsState().length);

  /** The calendar's rows of days, each with its items. */
  readonly weeks = computed<CalendarCell[][]>(() => {
    const mode = this.modeState();
    const view: CalendarView = mode === 'list' ? 'month' : mode;
    const byDay = groupByDay(this.calendarItemsState(), (item) => item.date);
    return calendarWeeks(view, this.anchorState(), this.todayState()).map(
      (week) =>
        week.map((day) => ({ ...day, items: byDay.get(day.date) ?? [] })),
    );
  });
  readonly range = computed(() => {
    const mode = this.modeState();
    return calendarRange(mode === 'list' ? 'month' : mode, this.anchorState());
  });

  /** Starts with today as "today" (tests pass their own). */
  start(today: CalendarDate = parisToday(new Date())): void {
    this.todayState.set(today);
    this.anchorState.set(today);
    this.reload();
  }

  setMode(mode: AgendaMode): void {
    if (mode !== this.modeState()) {
      this.modeState.set(mode);
      this.reload();
    }
  }

  setFilters(filters: AgendaFilters): void {
    this.filtersState.set(filters);
    this.reload();
  }

  /** Previous (-1) or next (+1) week or month. */
  move(step: number): void {
    const mode = this.modeState();
    if (mode === 'list') {
      return;
    }
    this.anchorState.set(shiftAnchor(mode, this.anchorState(), step));
    this.reload();
  }

  goToToday(): void {
    this.anchorState.set(this.todayState());
    this.reload();
  }

  loadMore(): void {
    const cursor = this.nextCursorState();
    if (cursor && !this.loadingState() && this.modeState() === 'list') {
      this.fetchList(cursor);
    }
  }

  private reload(): void {
    this.loadedState.set(false);
    if (this.modeState() === 'list') {
      this.itemsState.set([]);
      this.nextCursorState.set(null);
      this.fetchList(null);
    } else {
      this.fetchCalendar();
    }
  }

  private kindParam(): string | undefined {
    const kinds = this.filtersState().kinds;
    return kinds.length > 0 ? kinds.join(',') : undefined;
  }

  private fetchList(cursor: string | null): void {
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    const from = this.todayState();
    this.request = this.service
      .deadlines({
        kind: this.kindParam(),
        from,
        to: addDays(from, this.filtersState().horizon),
        cursor: cursor ?? undefined,
      })
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

  private fetchCalendar(): void {
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    const { from, to } = this.range();
    this.request = this.service
      .calendar({ from, to, kind: this.kindParam() })
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (answer) => {
          this.calendarItemsState.set(answer.items);
          this.truncatedState.set(answer.truncated);
          this.loadedState.set(true);
        },
        error: (error: unknown) => {
          this.calendarItemsState.set([]);
          this.errorState.set(describeError(error));
        },
      });
  }
}
