import { Injectable, computed, inject, signal } from '@angular/core';
import {
  ImportCommitResponse,
  ImportMapping,
  ImportPreviewResponse,
  ImportRowError,
} from '@moisson/contract';
import { finalize } from 'rxjs';
import { ApiRequestError } from '../../core/http/api-request-error';
import { describeFormError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { ImportsService } from './imports.service';

/**
 * The import wizard: the chosen file, the mapping, the preview of every row, the commit. The API
 * keeps nothing between calls, so the file is sent again with each step.
 */
@Injectable()
export class ImportWizardStore {
  private readonly service = inject(ImportsService);

  private readonly fileState = signal<File | null>(null);
  private readonly previewState = signal<ImportPreviewResponse | null>(null);
  private readonly resultState = signal<ImportCommitResponse | null>(null);
  private readonly busyState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);
  private readonly rowErrorsState = signal<ImportRowError[]>([]);

  readonly file = this.fileState.asReadonly();
  readonly preview = this.previewState.asReadonly();
  readonly result = this.resultState.asReadonly();
  readonly busy = this.busyState.asReadonly();
  readonly error = this.errorState.asReadonly();
  /** The rows a refused commit named. */
  readonly rowErrors = this.rowErrorsState.asReadonly();
  readonly step = computed<'upload' | 'preview' | 'done'>(() =>
    this.resultState() ? 'done' : this.previewState() ? 'preview' : 'upload',
  );

  choose(employerId: string, file: File): void {
    this.fileState.set(file);
    this.previewState.set(null);
    this.resultState.set(null);
    this.load(employerId, null);
  }

  remap(employerId: string, mapping: ImportMapping): void {
    this.load(employerId, mapping);
  }

  commit(employerId: string, skipInvalidRows: boolean): void {
    const file = this.fileState();
    if (!file || this.busyState()) {
      return;
    }
    this.start();
    this.service
      .commit(employerId, {
        file,
        mapping: this.previewState()?.mapping ?? null,
        skipInvalidRows,
      })
      .pipe(finalize(() => this.busyState.set(false)))
      .subscribe({
        next: (result) => this.resultState.set(result),
        error: (error: unknown) => this.fail(error),
      });
  }

  restart(): void {
    this.fileState.set(null);
    this.previewState.set(null);
    this.resultState.set(null);
    this.errorState.set(null);
    this.rowErrorsState.set([]);
  }

  private load(employerId: string, mapping: ImportMapping | null): void {
    const file = this.fileState();
    if (!file) {
      return;
    }
    this.start();
    this.service
      .preview(employerId, { file, mapping })
      .pipe(finalize(() => this.busyState.set(false)))
      .subscribe({
        next: (preview) => this.previewState.set(preview),
        error: (error: unknown) => this.fail(error),
      });
  }

  private start(): void {
    this.busyState.set(true);
    this.errorState.set(null);
    this.rowErrorsState.set([]);
  }

  private fail(error: unknown): void {
    this.errorState.set(describeFormError(error));
    if (error instanceof ApiRequestError && error.apiError?.details) {
      this.rowErrorsState.set(
        error.apiError.details.filter(
          (detail): detail is ImportRowError => 'rowNumber' in detail,
        ),
      );
    }
  }
}
