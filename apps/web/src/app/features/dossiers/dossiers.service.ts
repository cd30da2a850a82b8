import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CampaignResponse,
  CreateDossierRequest,
  CreateWorkerRequest,
  UpdateWorkerRequest,
  DossierDetail,
  DossierListItem,
  DossierListQuery,
  DossierSummaryResponse,
  DossierTransitionRequest,
  GroupTransitionRequest,
  GroupTransitionResponse,
  Page,
  UpdateDossierRequest,
  WorkerListItem,
  WorkerResponse,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { employerUrl } from '../employers/employers.service';

export function dossiersUrl(employerId: string): string {
  return `${employerUrl(employerId)}/dossiers`;
}

export function dossierUrl(employerId: string, dossierId: string): string {
  return `${dossiersUrl(employerId)}/${encodeURIComponent(dossierId)}`;
}

/** The filters of the list as query parameters (empty ones left out), for the list and the CSV. */
export function dossierListParams(query: DossierListQuery): HttpParams {
  let params = new HttpParams();
  const entries: [string, string | number | boolean | undefined][] = [
    ['state', query.state],
    ['stage', query.stage],
    ['campaignId', query.campaignId],
    ['workerId', query.workerId],
    ['ofiiOffice', query.ofiiOffice],
    ['overdue', query.overdue ? true : undefined],
    ['deadlineWithinDays', query.deadlineWithinDays],
    ['q', query.q?.trim()],
    ['sort', query.sort],
    ['cursor', query.cursor],
    ['limit', query.limit],
  ];
  for (const [name, value] of entries) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(name, String(value));
    }
  }
  return params;
}

/** HTTP calls of an employer's dossiers, workers and campaigns (`/api/employers/:id/...`). */
@Injectable({ providedIn: 'root' })
export class DossiersService {
  private readonly http = inject(HttpClient);

  list(
    employerId: string,
    query: DossierListQuery = {},
  ): Observable<Page<DossierListItem>> {
    return this.http.get<Page<DossierListItem>>(dossiersUrl(employerId), {
      params: dossierListParams(query),
    });
  }

  /** The dashboard's exact counts (per stage, overdue convocations, convoked) in one call. */
  summary(employerId: string): Observable<DossierSummaryResponse> {
    return this.http.get<DossierSummaryResponse>(
      `${dossiersUrl(employerId)}/summary`,
    );
  }

  /** The address of the CSV export of the same filters (a plain link: the browser downloads it). */
  exportUrl(employerId: string, query: DossierListQuery): string {
    const params = dossierListParams({
      ...query,
      cursor: undefined,
      limit: undefined,
    }).toString();
    return `${dossiersUrl(employerId)}/export.csv${params ? `?${params}` : ''}`;
  }

  get(employerId: string, dossierId: string): Observable<DossierDetail> {
    return this.http.get<DossierDetail>(dossierUrl(employerId, dossierId));
  }

  create(
    employerId: string,
    request: CreateDossierRequest,
  ): Observable<DossierDetail> {
    return this.http.post<DossierDetail>(dossiersUrl(employerId), request);
  }

  update(
    employerId: string,
    dossierId: string,
    request: UpdateDossierRequest,
  ): Observable<DossierDetail> {
    return this.http.patch<DossierDetail>(
      dossierUrl(employerId, dossierId),
      request,
    );
  }

  transition(
    employerId: string,
    dossierId: string,
    request: DossierTransitionRequest,
  ): Observable<DossierDetail> {
    return this.http.post<DossierDetail>(
      `${dossierUrl(employerId, dossierId)}/transitions`,
      request,
    );
  }

  groupTransition(
    employerId: string,
    request: GroupTransitionRequest,
  ): Observable<GroupTransitionResponse> {
    return this.http.post<GroupTransitionResponse>(
      `${dossiersUrl(employerId)}/transitions`,
      request,
    );
  }

  rehire(employerId: string, dossierId: string): Observable<DossierDetail> {
    return this.http.post<DossierDetail>(
      `${dossierUrl(employerId, dossierId)}/rehire`,
      {},
    );
  }

  campaigns(employerId: string): Observable<CampaignResponse[]> {
    return this.http.get<CampaignResponse[]>(
      `${employerUrl(employerId)}/campaigns`,
    );
  }

  searchWorkers(
    employerId: string,
    q: string,
  ): Observable<Page<WorkerListItem>> {
    return this.http.get<Page<WorkerListItem>>(
      `${employerUrl(employerId)}/workers`,
      { params: new HttpParams().set('q', q.trim()).set('limit', 10) },
    );
  }

  createWorker(
    employerId: string,
    request: CreateWorkerRequest,
  ): Observable<WorkerResponse> {
    return this.http.post<WorkerResponse>(
      `${employerUrl(employerId)}/workers`,
      request,
    );
  }

  updateWorker(
    employerId: string,
    workerId: string,
    request: UpdateWorkerRequest,
  ): Observable<WorkerResponse> {
    return this.http.patch<WorkerResponse>(
      `${employerUrl(employerId)}/workers/${encodeURIComponent(workerId)}`,
      request,
    );
  }
}
