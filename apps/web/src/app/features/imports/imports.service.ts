import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ImportCommitResponse,
  ImportMapping,
  ImportPreviewResponse,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { employerUrl } from '../employers/employers.service';

export function importsUrl(employerId: string): string {
  return `${employerUrl(employerId)}/imports`;
}

export interface ImportRequest {
  file: File;
  /** None: the API suggests one from the headers. */
  mapping?: ImportMapping | null;
  skipInvalidRows?: boolean;
}

function formOf(request: ImportRequest): FormData {
  const form = new FormData();
  form.append('file', request.file, request.file.name);
  if (request.mapping) {
    form.append('mapping', JSON.stringify(request.mapping));
  }
  if (request.skipInvalidRows) {
    form.append('skipInvalidRows', 'true');
  }
  return form;
}

/** HTTP calls of the import of hires from an .xlsx or CSV file: preview (nothing written), then commit. */
@Injectable({ providedIn: 'root' })
export class ImportsService {
  private readonly http = inject(HttpClient);

  preview(
    employerId: string,
    request: ImportRequest,
  ): Observable<ImportPreviewResponse> {
    return this.http.post<ImportPreviewResponse>(
      `${importsUrl(employerId)}/preview`,
      formOf(request),
    );
  }

  commit(
    employerId: string,
    request: ImportRequest,
  ): Observable<ImportCommitResponse> {
    return this.http.post<ImportCommitResponse>(
      `${importsUrl(employerId)}/commit`,
      formOf(request),
    );
  }
}
