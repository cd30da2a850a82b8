import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import {
  DOCUMENT_ACCEPT,
  DOCUMENT_REFERENCE_MAX_LENGTH,
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  DocumentType,
  DocumentUploadFields,
  DossierDetail,
  PermitPrefillSuggestion,
  VALIDITY_DOCUMENT_TYPES,
  WORKER_DOCUMENT_TYPES,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { map, startWith } from 'rxjs';
import { describeFormError } from '../../core/http/describe-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import {
  dayMonthYearValidator,
  parseDayMonthYear,
} from '../../shared/date/day-month-year';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { BilingualPipe } from '../dossiers/bilingual.pipe';
import { dateRangeValidator } from '../dossiers/dossier-form.validators';
import { formatFileSize } from './document-display';
import { DocumentUploadStore, UploadEntry } from './document-upload.store';
import { DocumentTarget, DocumentsService } from './documents.service';

const IN_PROGRESS = ['queued', 'uploading', 'checking'];

/**
 * Adds papers to a dossier (or to its worker, for a passport or residence card): a drop zone, a
 * camera button for phones and a file chooser, the type, reference and validity dates, then one
 * progress bar and, if refused, the API's reason per file. Nothing typed is lost on a refusal.
 * After a work permit, offers to copy its number and dates into the dossier.
 */
@Component({
  selector: 'moi-document-upload-panel',
  imports: [
    BilingualPipe,
    FormErrorComponent,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ParisDatePipe,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  providers: [DocumentUploadStore],
  templateUrl: './document-upload-panel.component.html',
  styleUrl: './document-upload-panel.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentUploadPanelComponent {
  protected readonly upload = inject(DocumentUploadStore);
  protected readonly language = inject(LanguageService);
  private readonly service = inject(DocumentsService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly employerId = input.required<string>();
  readonly dossierId = input.required<string>();
  readonly workerId = input.required<string>();
  /** One file stored (the list and checklist are read again). */
  readonly uploaded = output<void>();
  /** The dossier after its permit number and dates were copied from an upload. */
  readonly dossierChanged = output<DossierDetail>();

  protected readonly types = DOCUMENT_TYPES;
  protected readonly typeLabels = DOCUMENT_TYPE_LABELS;
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly referenceMax = DOCUMENT_REFERENCE_MAX_LENGTH;
  protected readonly dragOver = signal(false);
  protected readonly formError = signal<TranslatableMessage | null>(null);
  protected readonly suggestion = signal<PermitPrefillSuggestion | null>(null);
  protected readonly applying = signal(false);
  protected readonly suggestionError = signal<TranslatableMessage | null>(null);
  protected readonly suggestionApplied = signal(false);

  private readonly typeSelect = viewChild(MatSelect);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      type: ['' as DocumentType | '', Validators.required],
      reference: ['', Validators.maxLength(DOCUMENT_REFERENCE_MAX_LENGTH)],
      validFrom: ['', dayMonthYearValidator],
      validUntil: ['', dayMonthYearValidator],
      toWorker: [true],
    },
    { validators: dateRangeValidator('validFrom', 'validUntil') },
  );

  private readonly type = toSignal(
    this.form.controls.type.valueChanges.pipe(
      startWith(this.form.controls.type.value),
      map((type) => type || null),
    ),
    { initialValue: null },
  );
  protected readonly hasValidity = computed(() => {
    const type = this.type();
    return (
      type !== null &&
      (VALIDITY_DOCUMENT_TYPES as readonly DocumentType[]).includes(type)
    );
  });
  protected readonly isWorkerType = computed(() => {
    const type = this.type();
    return (
      type !== null &&
      (WORKER_DOCUMENT_TYPES as readonly DocumentType[]).includes(type)
    );
  });
  protected readonly hasDone = computed(() =>
    this.upload.entries().some((e) => e.status === 'done'),
  );

  constructor() {
    this.upload.onUploaded((entry) => this.stored(entry));
    inject(DestroyRef).onDestroy(() => this.upload.cancelAll());
  }

  /** Picks a type (from the checklist's "add" button) and brings the panel into view. */
  chooseType(type: DocumentType): void {
    this.form.controls.type.setValue(type);
    this.host.nativeElement.scrollIntoView?.({
      behavior: 'smooth',
      block: 'start',
    });
    this.typeSelect()?.focus();
  }

  protected fileSize(bytes: number): string {
    return formatFileSize(bytes, this.language.current());
  }

  protected inProgress(entry: UploadEntry): boolean {
    return IN_PROGRESS.includes(entry.status);
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.addFiles(input.files ? [...input.files] : []);
    // The same file may be chosen again after being removed.
    input.value = '';
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = 'copy';
    }
    this.dragOver.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    this.addFiles(event.dataTransfer ? [...event.dataTransfer.files] : []);
  }

  protected send(): void {
    this.form.markAllAsTouched();
    this.formError.set(null);
    if (this.upload.sendable() === 0) {
      this.formError.set({ key: 'documents.upload.noFile' });
      return;
    }
    if (this.form.invalid) {
      return;
    }
    const value = this.form.getRawValue();
    const type = value.type as DocumentType;
    const fields: DocumentUploadFields = { type };
    if (value.reference.trim()) {
      fields.reference = value.reference.trim();
    }
    if (this.hasValidity()) {
      fields.validFrom = parseDayMonthYear(value.validFrom) ?? undefined;
      fields.validUntil = parseDayMonthYear(value.validUntil) ?? undefined;
    }
    const target: DocumentTarget =
      this.isWorkerType() && value.toWorker
        ? { kind: 'worker', workerId: this.workerId() }
        : { kind: 'dossier', dossierId: this.dossierId() };
    this.upload.send({ employerId: this.employerId(), target, fields });
  }

  protected applySuggestion(suggestion: PermitPrefillSuggestion): void {
    if (this.applying()) {
      return;
    }
    this.applying.set(true);
    this.suggestionError.set(null);
    this.service.applyPermitSuggestion(suggestion).subscribe({
      next: (dossier) => {
        this.applying.set(false);
        this.suggestion.set(null);
        this.suggestionApplied.set(true);
        this.dossierChanged.emit(dossier);
      },
      error: (error: unknown) => {
        this.applying.set(false);
        this.suggestionError.set(describeFormError(error));
      },
    });
  }

  private addFiles(files: File[]): void {
    if (files.length === 0) {
      return;
    }
    this.formError.set(null);
    this.suggestionApplied.set(false);
    // A note with nothing to apply is about the files sent before; an offer stays until answered.
    if (!this.suggestion()?.apply) {
      this.suggestion.set(null);
    }
    this.upload.clearDone();
    this.upload.add(files);
  }

  private stored(entry: UploadEntry): void {
    this.uploaded.emit();
    const suggestion = entry.result?.permitSuggestion;
    if (suggestion && (suggestion.changes.length > 0 || suggestion.reason)) {
      this.suggestion.set(suggestion);
      this.suggestionError.set(null);
    }
    // Everything sent: the next papers start from a clean reference and dates (the type stays).
    if (!this.upload.entries().some((e) => e.status !== 'done')) {
      this.form.patchValue({ reference: '', validFrom: '', validUntil: '' });
      this.form.markAsUntouched();
    }
  }
}
