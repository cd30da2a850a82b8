import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuditAction, AuditEventResponse, Page } from '@moisson/contract';
import { Observable } from 'rxjs';

export const AUDIT_EVENTS_URL = '/api/audit-events';

export interface AuditQuery {
  action?: AuditAction | null;
  employerId?: string | null;
  actorEmail?: string | null;
  /** Calendar days 'YYYY-MM-DD': the first and the last day of the range, both included. */
  from?: string | null;
  to?: string | null;
  cursor?: string | null;
}

/** HTTP calls of the audit log (`/api/audit-events`, firm admins). */
@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  /** One page of events, newest first; `nextCursor` fetches the next one. */
  list(query: AuditQuery = {}): Observable<Page<AuditEventResponse>> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(query)) {
      if (typeof value === 'string' && value.trim() !== '') {
        params = params.set(name, value.trim());
      }
    }
    return this.http.get<Page<AuditEventResponse>>(AUDIT_EVENTS_URL, {
      params,
    });
  }
}
