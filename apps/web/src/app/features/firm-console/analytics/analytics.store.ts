import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AnalyticsFilters,
  AppealOutcomeResponse,
  ConvocationDelayResponse,
  ReturningWorkersResponse,
  SeasonFunnelResponse,
  VisaRefusalResponse,
} from '@moisson/contract';
import { TranslateService } from '@ngx-translate/core';
import { Observable, Subscription, catchError, forkJoin, map, of } from 'rxjs';
import { describeError } from '../../../core/http/describe-error';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import {
  AnalyticsChart,
  ChartWords,
  appealOutcomesChart,
  convocationDelayChart,
  refusalsByConsulateChart,
  refusalsByGroundChart,
  returningWorkersChart,
  seasonFunnelChart,
} from './analytics-charts';
import { AnalyticsService } from './analytics.service';

interface Answers {
  delays: ConvocationDelayResponse | null;
  refusals: VisaRefusalResponse | null;
  appeals: AppealOutcomeResponse | null;
  funnel: SeasonFunnelResponse | null;
  returning: ReturningWorkersResponse | null;
}

/** Filters with the empty ones left out, as the API and the CSV links take them. */
export function cleanFilters(filters: AnalyticsFilters): AnalyticsFilters {
  const clean: AnalyticsFilters = {};
  if (filters.season) clean.season = filters.season;
  const departement = filters.departement?.trim().toUpperCase();
  if (departement) clean.departement = departement;
  if (filters.ofiiOffice) clean.ofiiOffice = filters.ofiiOffice;
  if (filters.employerId) clean.employerId = filters.employerId;
  return clean;
}

/**
 * The analytics page's figures for the current filters: five calls at once; a chart whose call
 * failed says so while the others still show.
 */
@Injectable()
export class AnalyticsStore {
  private readonly service = inject(AnalyticsService);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);

  private readonly filtersState = signal<AnalyticsFilters>({});
  private readonly answersState = signal<Answers | null>(null);
  private readonly loadingState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private request: Subscription | null = null;

  readonly filters = this.filtersState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** Set when at least one chart could not be loaded. */
  readonly error = this.errorState.asReadonly();

  /** The charts that have figures, in page order (they follow the interface language). */
  readonly charts = computed<AnalyticsChart[]>(() => {
    const answers = this.answersState();
    const words: ChartWords = {
      lang: this.language.current(),
      t: (key) => this.translate.instant(key) as string,
    };
    if (!answers) {
      return [];
    }
    const charts: AnalyticsChart[] = [];
    if (answers.delays)
      charts.push(convocationDelayChart(answers.delays, words));
    if (answers.refusals) {
      charts.push(refusalsByConsulateChart(answers.refusals, words));
      charts.push(refusalsByGroundChart(answers.refusals, words));
    }
    if (answers.appeals)
      charts.push(appealOutcomesChart(answers.appeals, words));
    if (answers.funnel) charts.push(seasonFunnelChart(answers.funnel, words));
    if (answers.returning)
      charts.push(returningWorkersChart(answers.returning, words));
    return charts;
  });

  /** Totals shown above the charts. */
  readonly refusalTotals = computed(
    () => this.answersState()?.refusals?.totals ?? null,
  );
  readonly seasonDossiers = computed(
    () => this.answersState()?.funnel?.dossiers ?? null,
  );

  load(filters: AnalyticsFilters): void {
    const clean = cleanFilters(filters);
    this.filtersState.set(clean);
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    let failure: unknown = null;
    const guard = <T>(call: Observable<T>): Observable<T | null> =>
      call.pipe(
        catchError((error: unknown) => {
          failure ??= error;
          return of(null);
        }),
      );
    this.request = forkJoin({
      delays: guard(this.service.convocationDelays(clean)),
      refusals: guard(this.service.visaRefusals(clean)),
      appeals: guard(this.service.appealOutcomes(clean)),
      funnel: guard(this.service.seasonFunnel(clean)),
      returning: guard(this.service.returningWorkers(clean)),
    })
      .pipe(map((answers): Answers => answers))
      .subscribe((answers) => {
        this.answersState.set(answers);
        this.loadingState.set(false);
        if (failure) {
          this.errorState.set(describeError(failure));
        }
      });
  }
}
