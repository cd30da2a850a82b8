import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  DossierReminderHistory,
  NotificationsQuery,
  NotificationsResponse,
  Page,
  ReminderOutboxItem,
  ReminderOutboxQuery,
  ReminderSettingsResponse,
  RelanceView,
  SweepRequest,
  SweepRequestedResponse,
  UpdateReminderSettingsRequest,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { dossierUrl } from '../dossiers/dossiers.service';
import { employerUrl } from '../employers/employers.service';

export const NOTIFICATIONS_URL = '/api/notifications';
export const OUTBOX_URL = '/api/firm/reminders/outbox';
export const SWEEP_URL = '/api/firm/reminders/sweep';

export function reminderSettingsUrl(employerId: string): string {
  return `${employerUrl(employerId)}/reminder-settings`;
}

export function dossierRemindersUrl(
  employerId: string,
  dossierId: string,
): string {
  return `${dossierUrl(employerId, dossierId)}/reminders`;
}

export function relanceUrl(token: string): string {
  return `/api/relance/${encodeURIComponent(token)}`;
}

/** Query parameters with the empty ones left out. */
function params(
  values: Record<string, string | number | null | undefined>,
): HttpParams {
  let result = new HttpParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      result = result.set(name, String(value));
    }
  }
  return result;
}

/**
 * HTTP calls of the reminders: the signed-in user's notifications, an employer's settings, the
 * firm's outbox and sweep, a dossier's reminder history and the public relance link.
 */
@Injectable({ providedIn: 'root' })
export class RemindersService {
  private readonly http = inject(HttpClient);

  notifications(
    query: NotificationsQuery = {},
  ): Observable<NotificationsResponse> {
    return this.http.get<NotificationsResponse>(NOTIFICATIONS_URL, {
      params: params({ status: query.status, limit: query.limit }),
    });
  }

  settings(employerId: string): Observable<ReminderSettingsResponse> {
    return this.http.get<ReminderSettingsResponse>(
      reminderSettingsUrl(employerId),
    );
  }

  saveSettings(
    employerId: string,
    body: UpdateReminderSettingsRequest,
  ): Observable<ReminderSettingsResponse> {
    return this.http.put<ReminderSettingsResponse>(
      reminderSettingsUrl(employerId),
      body,
    );
  }

  outbox(
    query: ReminderOutboxQuery = {},
  ): Observable<Page<ReminderOutboxItem>> {
    return this.http.get<Page<ReminderOutboxItem>>(OUTBOX_URL, {
      params: params({
        status: query.status,
        employerId: query.employerId,
        cursor: query.cursor,
        limit: query.limit,
      }),
    });
  }

  resend(id: string): Observable<ReminderOutboxItem> {
    return this.http.post<ReminderOutboxItem>(
      `${OUTBOX_URL}/${encodeURIComponent(id)}/resend`,
      null,
    );
  }

  /** Queues a sweep; `sendDigestsNow` also sends the digests waiting for tomorrow's 07:00. */
  sweep(request: SweepRequest = {}): Observable<SweepRequestedResponse> {
    return this.http.post<SweepRequestedResponse>(SWEEP_URL, request);
  }

  dossierHistory(
    employerId: string,
    dossierId: string,
  ): Observable<DossierReminderHistory> {
    return this.http.get<DossierReminderHistory>(
      dossierRemindersUrl(employerId, dossierId),
    );
  }

  relance(token: string): Observable<RelanceView> {
    return this.http.get<RelanceView>(relanceUrl(token));
  }

  confirmRelance(token: string): Observable<RelanceView> {
    return this.http.post<RelanceView>(relanceUrl(token), null);
  }
}
