import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AgendaItem,
  AgendaQuery,
  CalendarRangeQuery,
  CalendarRangeResponse,
  Page,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export const FIRM_DEADLINES_URL = '/api/firm/deadlines';
export const FIRM_CALENDAR_URL = '/api/firm/calendar';

/** HTTP calls of the cross-employer deadlines and appointments (firm staff). */
@Injectable({ providedIn: 'root' })
export class AgendaService {
  private readonly http = inject(HttpClient);

  /** Soonest first, page by page. */
  deadlines(query: AgendaQuery): Observable<Page<AgendaItem>> {
    return this.http.get<Page<AgendaItem>>(FIRM_DEADLINES_URL, {
      params: queryParams({ ...query }),
    });
  }

  /** Everything between two days (a week or a month view). */
  calendar(query: CalendarRangeQuery): Observable<CalendarRangeResponse> {
    return this.http.get<CalendarRangeResponse>(FIRM_CALENDAR_URL, {
      params: queryParams({ ...query }),
    });
  }
}
