import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateEmployerRequest,
  EmployerResponse,
  Page,
  UpdateEmployerRequest,
} from '@moisson/contract';
import { Observable } from 'rxjs';

export const EMPLOYERS_URL = '/api/employers';

export interface EmployerListQuery {
  search?: string;
  cursor?: string | null;
}

/** HTTP calls of the employers (farms) the firm manages (`/api/employers`). */
@Injectable({ providedIn: 'root' })
export class EmployersService {
  private readonly http = inject(HttpClient);

  /** One page, by name or SIRET when `search` is given; `nextCursor` fetches the next one. */
  list(query: EmployerListQuery = {}): Observable<Page<EmployerResponse>> {
    let params = new HttpParams();
    const search = query.search?.trim();
    if (search) {
      params = params.set('search', search);
    }
    if (query.cursor) {
      params = params.set('cursor', query.cursor);
    }
    return this.http.get<Page<EmployerResponse>>(EMPLOYERS_URL, { params });
  }

  /** A 404 means "not found or not yours". */
  get(id: string): Observable<EmployerResponse> {
    return this.http.get<EmployerResponse>(employerUrl(id));
  }

  create(request: CreateEmployerRequest): Observable<EmployerResponse> {
    return this.http.post<EmployerResponse>(EMPLOYERS_URL, request);
  }

  update(
    id: string,
    request: UpdateEmployerRequest,
  ): Observable<EmployerResponse> {
    return this.http.patch<EmployerResponse>(employerUrl(id), request);
  }
}

export function employerUrl(id: string): string {
  return `${EMPLOYERS_URL}/${encodeURIComponent(id)}`;
}
