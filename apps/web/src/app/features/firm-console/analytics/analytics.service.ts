import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AnalyticsCsvName,
  AnalyticsFilters,
  AppealOutcomeResponse,
  ConvocationDelayResponse,
  ReturningWorkersResponse,
  SeasonFunnelResponse,
  VisaRefusalResponse,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export const ANALYTICS_URL = '/api/firm/analytics';

export function analyticsParams(filters: AnalyticsFilters): HttpParams {
  return queryParams({ ...filters });
}

/** Where a chart's CSV downloads from, with the page's filters. */
export function analyticsCsvUrl(
  name: AnalyticsCsvName,
  filters: AnalyticsFilters,
): string {
  const query = analyticsParams(filters).toString();
  return `${ANALYTICS_URL}/${name}.csv${query ? `?${query}` : ''}`;
}

/** HTTP calls of the firm's analytics (firm staff). */
@Injectable({ providedIn: 'root' })
export class AnalyticsService {
  private readonly http = inject(HttpClient);

  convocationDelays(
    filters: AnalyticsFilters,
  ): Observable<ConvocationDelayResponse> {
    return this.get('convocation-delays', filters);
  }

  visaRefusals(filters: AnalyticsFilters): Observable<VisaRefusalResponse> {
    return this.get('visa-refusals', filters);
  }

  appealOutcomes(filters: AnalyticsFilters): Observable<AppealOutcomeResponse> {
    return this.get('appeal-outcomes', filters);
  }

  seasonFunnel(filters: AnalyticsFilters): Observable<SeasonFunnelResponse> {
    return this.get('season-funnel', filters);
  }

  returningWorkers(
    filters: AnalyticsFilters,
  ): Observable<ReturningWorkersResponse> {
    return this.get('returning-workers', filters);
  }

  private get<T>(name: string, filters: AnalyticsFilters): Observable<T> {
    return this.http.get<T>(`${ANALYTICS_URL}/${name}`, {
      params: analyticsParams(filters),
    });
  }
}
