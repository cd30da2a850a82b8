import { Injectable, inject, signal } from '@angular/core';
import { DocumentChecklist, DocumentListItem } from '@moisson/contract';
import { Subscription, forkJoin } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { DocumentsService } from './documents.service';

export type DossierDocumentsState =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      documents: DocumentListItem[];
      checklist: DocumentChecklist;
    }
  | { kind: 'failed'; message: TranslatableMessage };

/**
 * The documents of one dossier (with its worker's passport and card) and its checklist, read
 * together and read again after every upload, deletion or restoration.
 */
@Injectable()
export class DossierDocumentsStore {
  private readonly service = inject(DocumentsService);
  private readonly stateSignal = signal<DossierDocumentsState>({
    kind: 'loading',
  });
  private request: Subscription | null = null;
  private target: {
    employerId: string;
    dossierId: string;
    includeDeleted: boolean;
  } | null = null;

  readonly state = this.stateSignal.asReadonly();

  load(employerId: string, dossierId: string, includeDeleted = false): void {
    const previous = this.target;
    this.target = { employerId, dossierId, includeDeleted };
    // A new dossier starts blank; the same one keeps its rows on screen while it is read again.
    if (
      previous?.dossierId !== dossierId ||
      this.stateSignal().kind !== 'ready'
    ) {
      this.stateSignal.set({ kind: 'loading' });
    }
    this.request?.unsubscribe();
    this.request = forkJoin({
      list: this.service.list(employerId, dossierId, includeDeleted),
      checklist: this.service.checklist(employerId, dossierId),
    }).subscribe({
      next: ({ list, checklist }) =>
        this.stateSignal.set({
          kind: 'ready',
          documents: list.items,
          checklist,
        }),
      error: (error: unknown) =>
        this.stateSignal.set({ kind: 'failed', message: describeError(error) }),
    });
  }

  reload(): void {
    if (this.target) {
      this.load(
        this.target.employerId,
        this.target.dossierId,
        this.target.includeDeleted,
      );
    }
  }
}
