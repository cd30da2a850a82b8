import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateNoteRequest,
  NoteResponse,
  Page,
  UpdateNoteRequest,
} from '@moisson/contract';
import { Observable } from 'rxjs';
import { employerUrl } from '../../employers/employers.service';
import { dossierUrl } from '../../dossiers/dossiers.service';
import { queryParams } from '../shared/query-params';

export function notesUrl(employerId: string): string {
  return `${employerUrl(employerId)}/notes`;
}

/** HTTP calls of the notes the firm writes on an employer or a dossier. */
@Injectable({ providedIn: 'root' })
export class NotesService {
  private readonly http = inject(HttpClient);

  /** Notes on the employer itself (not on one of its dossiers), newest first, page by page. */
  employerNotes(
    employerId: string,
    cursor: string | null = null,
  ): Observable<Page<NoteResponse>> {
    return this.http.get<Page<NoteResponse>>(notesUrl(employerId), {
      params: queryParams({ dossierId: 'none', cursor }),
    });
  }

  /** Every note on one dossier, newest first (employer users get the shared ones). */
  dossierNotes(
    employerId: string,
    dossierId: string,
  ): Observable<NoteResponse[]> {
    return this.http.get<NoteResponse[]>(
      `${dossierUrl(employerId, dossierId)}/notes`,
    );
  }

  create(
    employerId: string,
    request: CreateNoteRequest,
  ): Observable<NoteResponse> {
    return this.http.post<NoteResponse>(notesUrl(employerId), request);
  }

  update(
    employerId: string,
    noteId: string,
    request: UpdateNoteRequest,
  ): Observable<NoteResponse> {
    return this.http.patch<NoteResponse>(
      `${notesUrl(employerId)}/${encodeURIComponent(noteId)}`,
      request,
    );
  }

  remove(employerId: string, noteId: string): Observable<void> {
    return this.http.delete<void>(
      `${notesUrl(employerId)}/${encodeURIComponent(noteId)}`,
    );
  }
}
