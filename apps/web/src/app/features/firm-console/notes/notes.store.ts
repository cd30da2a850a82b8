import { Injectable, computed, inject, signal } from '@angular/core';
import { NoteResponse, NoteVisibility } from '@moisson/contract';
import { Observable, Subscription, finalize, map, tap } from 'rxjs';
import { describeError } from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { NotesService } from './notes.service';

/**
 * The notes of one employer (`dossierId` null) or of one of its dossiers: loaded, added, edited
 * and deleted in place, newest first.
 */
@Injectable()
export class NotesStore {
  private readonly service = inject(NotesService);

  private employerId: string | null = null;
  private dossierId: string | null = null;
  private readonly notesState = signal<NoteResponse[]>([]);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private request: Subscription | null = null;

  readonly notes = this.notesState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly hasMore = computed(() => this.nextCursorState() !== null);

  load(employerId: string, dossierId: string | null): void {
    this.employerId = employerId;
    this.dossierId = dossierId;
    this.notesState.set([]);
    this.nextCursorState.set(null);
    this.loadedState.set(false);
    this.fetch(null);
  }

  loadMore(): void {
    const cursor = this.nextCursorState();
    if (cursor && !this.loadingState()) {
      this.fetch(cursor);
    }
  }

  /** Adds a note at the top; the caller shows the refusal when the API says no. */
  add(body: string, visibility: NoteVisibility): Observable<NoteResponse> {
    return this.service
      .create(this.requireEmployer(), {
        body: body.trim(),
        visibility,
        dossierId: this.dossierId,
      })
      .pipe(tap((note) => this.notesState.update((notes) => [note, ...notes])));
  }

  update(
    noteId: string,
    changes: { body?: string; visibility?: NoteVisibility },
  ): Observable<NoteResponse> {
    return this.service
      .update(this.requireEmployer(), noteId, {
        ...changes,
        ...(changes.body !== undefined ? { body: changes.body.trim() } : {}),
      })
      .pipe(
        tap((updated) =>
          this.notesState.update((notes) =>
            notes.map((note) => (note.id === updated.id ? updated : note)),
          ),
        ),
      );
  }

  remove(noteId: string): Observable<void> {
    return this.service
      .remove(this.requireEmployer(), noteId)
      .pipe(
        tap(() =>
          this.notesState.update((notes) =>
            notes.filter((note) => note.id !== noteId),
          ),
        ),
      );
  }

  private fetch(cursor: string | null): void {
    const employerId = this.requireEmployer();
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    const page = this.dossierId
      ? this.service
          .dossierNotes(employerId, this.dossierId)
          .pipe(map((items) => ({ items, nextCursor: null })))
      : this.service.employerNotes(employerId, cursor);
    this.request = page
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (result) => {
          this.notesState.update((notes) =>
            cursor ? [...notes, ...result.items] : result.items,
          );
          this.nextCursorState.set(result.nextCursor);
          this.loadedState.set(true);
        },
        error: (error: unknown) => this.errorState.set(describeError(error)),
      });
  }

  private requireEmployer(): string {
    if (!this.employerId) {
      throw new Error('NotesStore.load() first');
    }
    return this.employerId;
  }
}
