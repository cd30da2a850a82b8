import { Injectable, inject, signal } from '@angular/core';
import {
  DossierListItem,
  DossierListQuery,
  MAX_PAGE_SIZE,
} from '@moisson/contract';
import { DOSSIER_STAGES, DossierStage, parisToday } from '@moisson/domain';
import { catchError, forkJoin, map, of } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { DossiersService } from '../dossiers/dossiers.service';

/** Stages counted on the dashboard (ended dossiers are not work to follow). */
export const DASHBOARD_STAGES = DOSSIER_STAGES.filter(
  (stage) => stage !== 'ended',
);
/** Refusals whose appeal deadline is running. */
export const REFUSAL_STATES =
  'VISA_REFUSED,VISA_REFUSED_VERBAL,VISA_REFUSED_IMPLICIT,CRRV_REJECTED,CRRV_REJECTED_IMPLICIT';
export const CONVOKED_STATES = 'OFII_CONVOKED';
export const ARRIVAL_STATES = 'VISA_ISSUED,ARRIVED';

/**
 * A count: exact from the summary call, or from one page of at most MAX_PAGE_SIZE dossiers ("200+"
 * when there are more).
 */
export interface DashboardCount {
  count: number;
  more: boolean;
}

export interface DashboardTile {
  count: DashboardCount;
  /** The first dossiers of the tile, soonest first. */
  items: DossierListItem[];
}

export interface DashboardData {
  stages: Record<DossierStage, DashboardCount>;
  overdue: DashboardTile;
  convoked: DashboardTile;
  refusals: DashboardTile;
  arrivals: DashboardTile;
}

const SHOWN_PER_TILE = 5;

/**
 * The employer's dashboard: the exact counts (per stage, overdue convocations, OFII appointments)
 * from one summary call, and the first dossiers of each tile from the list API with filters:
 * overdue convocations, OFII appointments, refusals with their appeal countdown, arrivals this month.
 */
@Injectable()
export class DashboardStore {
  private readonly service = inject(DossiersService);

  private readonly dataState = signal<DashboardData | null>(null);
  private readonly loadingState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);

  readonly data = this.dataState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly error = this.errorState.asReadonly();

  load(employerId: string, today = parisToday(new Date())): void {
    const page = (query: DossierListQuery) =>
      this.service.list(employerId, { ...query, limit: MAX_PAGE_SIZE });
    // The first dossiers of a tile whose exact count the summary gives.
    const firstOf = (query: DossierListQuery) =>
      this.service
        .list(employerId, { ...query, limit: SHOWN_PER_TILE })
        .pipe(map((result) => result.items));
    const month = today.slice(0, 7);
    this.loadingState.set(true);
    this.errorState.set(null);
    forkJoin({
      summary: this.service.summary(employerId),
      overdue: firstOf({ overdue: true }),
      convoked: firstOf({ state: CONVOKED_STATES }),
      refusals: page({ state: REFUSAL_STATES }).pipe(
        map((p) =>
          tile(
            [...p.items].sort(
              (a, b) =>
                (a.legalDeadline?.daysLeft ?? Infinity) -
                (b.legalDeadline?.daysLeft ?? Infinity),
            ),
            !!p.nextCursor,
          ),
        ),
      ),
      arrivals: page({ state: ARRIVAL_STATES }).pipe(
        map((p) =>
          tile(
            p.items.filter((item) => item.plannedStart.startsWith(month)),
            false,
          ),
        ),
      ),
    })
      .pipe(
        map(
          ({ summary, overdue, convoked, ...tiles }): DashboardData => ({
            stages: Object.fromEntries(
              DASHBOARD_STAGES.map((stage) => [
                stage,
                exact(summary.stages[stage]),
              ]),
            ) as Record<DossierStage, DashboardCount>,
            overdue: { count: exact(summary.overdue), items: overdue },
            convoked: { count: exact(summary.convoked), items: convoked },
            ...tiles,
          }),
        ),
        catchError((error: unknown) => {
          this.errorState.set(describeError(error));
          return of(null);
        }),
      )
      .subscribe((data) => {
        this.dataState.set(data);
        this.loadingState.set(false);
      });
  }
}

function exact(count: number): DashboardCount {
  return { count, more: false };
}

function tile(items: DossierListItem[], more: boolean): DashboardTile {
  return {
    count: { count: items.length, more },
    items: items.slice(0, SHOWN_PER_TILE),
  };
}
