import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CampaignResponse,
  CreateCampaignRequest,
  UpdateCampaignRequest,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { employerUrl } from '../employers/employers.service';

export function campaignsUrl(employerId: string): string {
  return `${employerUrl(employerId)}/campaigns`;
}

/** HTTP calls of an employer's campaigns (`/api/employers/:id/campaigns`). */
@Injectable({ providedIn: 'root' })
export class CampaignsService {
  private readonly http = inject(HttpClient);

  list(employerId: string): Observable<CampaignResponse[]> {
    return this.http.get<CampaignResponse[]>(campaignsUrl(employerId));
  }

  create(
    employerId: string,
    request: CreateCampaignRequest,
  ): Observable<CampaignResponse> {
    return this.http.post<CampaignResponse>(campaignsUrl(employerId), request);
  }

  update(
    employerId: string,
    campaignId: string,
    request: UpdateCampaignRequest,
  ): Observable<CampaignResponse> {
    return this.http.patch<CampaignResponse>(
      `${campaignsUrl(employerId)}/${encodeURIComponent(campaignId)}`,
      request,
    );
  }
}
