import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { DOCUMENT_TYPE_LABELS, DocumentListItem } from '@moisson/contract';
import { parisToday } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, switchMap } from 'rxjs';
import { describeFormError } from '../../core/http/describe-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { confirmAction } from '../../shared/ui/confirm';
import { BilingualPipe } from '../dossiers/bilingual.pipe';
import {
  ValidityStatus,
  formatFileSize,
  previewKind,
  validityStatus,
} from './document-display';
import {
  DocumentPreviewData,
  DocumentPreviewDialogComponent,
} from './document-preview-dialog.component';
import { DocumentsService } from './documents.service';

/**
 * The papers of a dossier and its worker: type, reference, validity (expired or expiring soon
 * highlighted), size, who sent it and when, duplicates flagged; preview, download, delete (with a
 * confirmation) and, for firm staff, restore.
 */
@Component({
  selector: 'moi-document-list',
  imports: [
    BilingualPipe,
    FormErrorComponent,
    MatButton,
    ParisDatePipe,
    TranslatePipe,
  ],
  templateUrl: './document-list.component.html',
  styleUrl: './document-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentListComponent {
  private readonly service = inject(DocumentsService);
  private readonly dialog = inject(MatDialog);
  protected readonly language = inject(LanguageService);

  readonly employerId = input.required<string>();
  readonly documents = input.required<readonly DocumentListItem[]>();
  readonly canDelete = input(false);
  readonly canRestore = input(false);
  /** A document was deleted or restored. */
  readonly changed = output<void>();

  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal<TranslatableMessage | null>(null);
  private readonly today = parisToday(new Date());

  protected readonly rows = computed(() =>
    this.documents().map((document) => ({
      document,
      validity: validityStatus(document.validUntil, this.today),
    })),
  );

  protected size(bytes: number): string {
    return formatFileSize(bytes, this.language.current());
  }

  protected downloadUrl(document: DocumentListItem): string {
    return this.service.downloadUrl(this.employerId(), document.id);
  }

  protected validityKey(status: ValidityStatus): string {
    return `documents.validity.${status}`;
  }

  protected preview(document: DocumentListItem): void {
    this.dialog.open<DocumentPreviewDialogComponent, DocumentPreviewData>(
      DocumentPreviewDialogComponent,
      {
        data: {
          title: document.displayName,
          kind: previewKind(document.contentType),
          previewUrl: this.service.previewUrl(this.employerId(), document.id),
          downloadUrl: this.downloadUrl(document),
        },
        width: 'min(960px, calc(100vw - 16px))',
        maxWidth: 'calc(100vw - 16px)',
        autoFocus: 'dialog',
      },
    );
  }

  protected remove(document: DocumentListItem): void {
    const type = DOCUMENT_TYPE_LABELS[document.type][this.language.current()];
    confirmAction(this.dialog, {
      title: { key: 'documents.delete.title' },
      message: {
        key: 'documents.delete.message',
        params: { name: document.displayName, type },
      },
      confirm: { key: 'documents.delete.confirm' },
      danger: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyId.set(document.id);
          this.error.set(null);
          return this.service.remove(this.employerId(), document.id);
        }),
      )
      .subscribe({
        next: () => this.finished(),
        error: (error: unknown) => this.failed(error),
      });
  }

  protected restore(document: DocumentListItem): void {
    this.busyId.set(document.id);
    this.error.set(null);
    this.service.restore(this.employerId(), document.id).subscribe({
      next: () => this.finished(),
      error: (error: unknown) => this.failed(error),
    });
  }

  private finished(): void {
    this.busyId.set(null);
    this.changed.emit();
  }

  private failed(error: unknown): void {
    this.busyId.set(null);
    this.error.set(describeFormError(error));
  }
}
