import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CalendarFeedSecret,
  CalendarFeedStatus,
  CreateCalendarFeedRequest,
} from '@moisson/contract';
import { Observable } from 'rxjs';

export const CALENDAR_FEED_URL = '/api/account/calendar-feed';

/** HTTP calls of the signed-in user's secret calendar (ICS) address. */
@Injectable({ providedIn: 'root' })
export class CalendarFeedService {
  private readonly http = inject(HttpClient);

  status(): Observable<CalendarFeedStatus> {
    return this.http.get<CalendarFeedStatus>(CALENDAR_FEED_URL);
  }

  create(request: CreateCalendarFeedRequest): Observable<CalendarFeedSecret> {
    return this.http.post<CalendarFeedSecret>(CALENDAR_FEED_URL, request);
  }

  /** A new address; the old one stops working at once. */
  rotate(): Observable<CalendarFeedSecret> {
    return this.http.post<CalendarFeedSecret>(
      `${CALENDAR_FEED_URL}/rotate`,
      {},
    );
  }

  revoke(): Observable<void> {
    return this.http.delete<void>(CALENDAR_FEED_URL);
  }
}
