import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { EmployerOverviewPage, EmployerOverviewQuery } from '@moisson/contract';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export const FIRM_EMPLOYERS_URL = '/api/firm/employers';

/** HTTP call of the employers overview (`GET /api/firm/employers`, firm staff). */
@Injectable({ providedIn: 'root' })
export class FirmOverviewService {
  private readonly http = inject(HttpClient);

  list(query: EmployerOverviewQuery): Observable<EmployerOverviewPage> {
    return this.http.get<EmployerOverviewPage>(FIRM_EMPLOYERS_URL, {
      params: queryParams({ ...query }),
    });
  }
}
