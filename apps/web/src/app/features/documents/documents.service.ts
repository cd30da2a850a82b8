import {
  HttpClient,
  HttpEvent,
  HttpParams,
  HttpRequest,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  DocumentChecklist,
  DocumentListItem,
  DocumentListResponse,
  DocumentUploadFields,
  DocumentUploadResponse,
  DossierDetail,
  PermitPrefillSuggestion,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { employerUrl } from '../employers/employers.service';

/** Where an upload goes: the dossier, or the worker (passport, residence card: every dossier of theirs). */
export type DocumentTarget =
  | { kind: 'dossier'; dossierId: string }
  | { kind: 'worker'; workerId: string };

export function documentUrl(employerId: string, documentId: string): string {
  return `${employerUrl(employerId)}/documents/${encodeURIComponent(documentId)}`;
}

function dossierDocumentsUrl(employerId: string, dossierId: string): string {
  return `${employerUrl(employerId)}/dossiers/${encodeURIComponent(dossierId)}/documents`;
}

function targetUrl(employerId: string, target: DocumentTarget): string {
  return target.kind === 'dossier'
    ? dossierDocumentsUrl(employerId, target.dossierId)
    : `${employerUrl(employerId)}/workers/${encodeURIComponent(target.workerId)}/documents`;
}

/**
 * The multipart body of an upload: the text parts first and the `file` part last, as the API reads
 * them (it checks the fields before it stores a byte).
 */
export function uploadBody(fields: DocumentUploadFields, file: File): FormData {
  const body = new FormData();
  body.append('type', fields.type);
  for (const name of ['reference', 'validFrom', 'validUntil'] as const) {
    const value = fields[name]?.trim();
    if (value) {
      body.append(name, value);
    }
  }
  body.append('file', file, file.name);
  return body;
}

/** HTTP calls of the documents of a dossier or a worker (`/api/employers/:id/...`). */
@Injectable({ providedIn: 'root' })
export class DocumentsService {
  private readonly http = inject(HttpClient);

  list(
    employerId: string,
    dossierId: string,
    includeDeleted = false,
  ): Observable<DocumentListResponse> {
    const params = includeDeleted
      ? new HttpParams().set('includeDeleted', 'true')
      : undefined;
    return this.http.get<DocumentListResponse>(
      dossierDocumentsUrl(employerId, dossierId),
      { params },
    );
  }

  checklist(
    employerId: string,
    dossierId: string,
  ): Observable<DocumentChecklist> {
    return this.http.get<DocumentChecklist>(
      `${dossierDocumentsUrl(employerId, dossierId)}/checklist`,
    );
  }

  /** Every event of the upload (progress included), the last one being the answer. */
  upload(
    employerId: string,
    target: DocumentTarget,
    fields: DocumentUploadFields,
    file: File,
  ): Observable<HttpEvent<DocumentUploadResponse>> {
    return this.http.request(
      new HttpRequest<FormData>(
        'POST',
        targetUrl(employerId, target),
        uploadBody(fields, file),
        { reportProgress: true, responseType: 'json' },
      ),
    );
  }

  remove(employerId: string, documentId: string): Observable<DocumentListItem> {
    return this.http.delete<DocumentListItem>(
      documentUrl(employerId, documentId),
    );
  }

  restore(
    employerId: string,
    documentId: string,
  ): Observable<DocumentListItem> {
    return this.http.post<DocumentListItem>(
      `${documentUrl(employerId, documentId)}/restore`,
      {},
    );
  }

  /** The bytes shown inline (an iframe or an img): a plain same-origin URL, read with the session cookie. */
  previewUrl(employerId: string, documentId: string): string {
    return `${documentUrl(employerId, documentId)}/preview`;
  }

  downloadUrl(employerId: string, documentId: string): string {
    return `${documentUrl(employerId, documentId)}/download`;
  }

  /**
   * Copies an uploaded work permit's number and dates into the dossier: sends the request the API
   * suggested, as it is (the dossier's AT_GRANTED step), and answers the dossier.
   */
  applyPermitSuggestion(
    suggestion: PermitPrefillSuggestion,
  ): Observable<DossierDetail> {
    const apply = suggestion.apply;
    if (!apply || !apply.path.startsWith('/api/')) {
      throw new Error('This permit suggestion has nothing to apply');
    }
    return this.http.request<DossierDetail>(apply.method, apply.path, {
      body: apply.body,
    });
  }
}
