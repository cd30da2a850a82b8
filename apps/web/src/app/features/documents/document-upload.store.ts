import { HttpEvent, HttpEventType } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  DocumentUploadFields,
  DocumentUploadResponse,
} from '@moisson/contract';
import { Subscription } from 'rxjs';
import { ApiRequestError } from '../../core/http/api-request-error';
import { describeFormError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { DocumentTarget, DocumentsService } from './documents.service';

/**
 * - `ready`: chosen, not sent yet; `queued`: waiting for a free slot;
 * - `uploading`: bytes on their way (`progress` 0-100); `checking`: all sent, the API reads the file;
 * - `done`: stored; `refused`: the API said why (4xx); `failed`: no answer, or a server error.
 */
export type UploadStatus =
  | 'ready'
  | 'queued'
  | 'uploading'
  | 'checking'
  | 'done'
  | 'refused'
  | 'failed';

/** One upload request: where, and the fields typed in the form when "send" was pressed. */
export interface UploadRequest {
  employerId: string;
  target: DocumentTarget;
  fields: DocumentUploadFields;
}

export interface UploadEntry {
  id: number;
  file: File;
  status: UploadStatus;
  /** Percentage of the bytes sent, 0 to 100. */
  progress: number;
  /** Why it was refused or failed, next to the file. */
  message: TranslatableMessage | null;
  result: DocumentUploadResponse | null;
}

/** Files sent at the same time; the others wait their turn (a phone on a farm's connection). */
export const PARALLEL_UPLOADS = 2;

/** Statuses a file can be (re)sent from: nothing is lost when the API refuses it. */
const SENDABLE: readonly UploadStatus[] = ['ready', 'refused', 'failed'];

/** The percentage an upload event reports, or null for events that say nothing of the bytes sent. */
export function uploadPercent(
  event: HttpEvent<unknown>,
  fileSize: number,
): number | null {
  if (event.type !== HttpEventType.UploadProgress) {
    return null;
  }
  const total = event.total ?? fileSize;
  if (!total) {
    return 100;
  }
  return Math.max(0, Math.min(100, Math.round((event.loaded / total) * 100)));
}

/**
 * What to show next to a file the API did not take. A refusal carries one detail naming the
 * reason ("this file is a program, not a PDF"); it is more precise than the general message.
 */
export function refusalMessage(error: unknown): {
  status: 'refused' | 'failed';
  message: TranslatableMessage;
} {
  if (
    error instanceof ApiRequestError &&
    error.kind === 'api' &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  ) {
    const detail = error.apiError?.details?.find((d) => d.message)?.message;
    return {
      status: 'refused',
      message: {
        key: 'errors.api',
        params: { message: detail ?? error.apiError?.message ?? '' },
      },
    };
  }
  return { status: 'failed', message: describeFormError(error) };
}

/**
 * The files of an upload panel and their progress: several at once, at most PARALLEL_UPLOADS on
 * the wire, each with its own progress and its own refusal. A refused or failed file stays in the
 * list to be sent again (after changing the type or dates, say); finished ones are reported through
 * `uploaded` and may be cleared.
 */
@Injectable()
export class DocumentUploadStore {
  private readonly service = inject(DocumentsService);
  private readonly entriesSignal = signal<readonly UploadEntry[]>([]);
  private readonly requests = new Map<number, UploadRequest>();
  private readonly running = new Map<number, Subscription>();
  private nextId = 1;
  private listener: (entry: UploadEntry) => void = () => undefined;

  readonly entries = this.entriesSignal.asReadonly();
  readonly busy = computed(() =>
    this.entries().some((e) =>
      ['queued', 'uploading', 'checking'].includes(e.status),
    ),
  );
  readonly sendable = computed(
    () => this.entries().filter((e) => SENDABLE.includes(e.status)).length,
  );

  /** Called once per file the API stored. */
  onUploaded(listener: (entry: UploadEntry) => void): void {
    this.listener = listener;
  }

  add(files: Iterable<File>): void {
    const added = [...files].map(
      (file): UploadEntry => ({
        id: this.nextId++,
        file,
        status: 'ready',
        progress: 0,
        message: null,
        result: null,
      }),
    );
    if (added.length > 0) {
      this.entriesSignal.update((entries) => [...entries, ...added]);
    }
  }

  /** Takes a file out of the list; one on its way is cancelled (nothing is stored by the API). */
  remove(id: number): void {
    this.running.get(id)?.unsubscribe();
    this.running.delete(id);
    this.requests.delete(id);
    this.entriesSignal.update((entries) => entries.filter((e) => e.id !== id));
    this.pump();
  }

  /** Sends every file not sent yet, or refused, with these fields. */
  send(request: UploadRequest): void {
    const ids = this.entries()
      .filter((e) => SENDABLE.includes(e.status))
      .map((e) => e.id);
    for (const id of ids) {
      this.requests.set(id, request);
      this.patch(id, { status: 'queued', progress: 0, message: null });
    }
    this.pump();
  }

  clearDone(): void {
    this.entriesSignal.update((entries) =>
      entries.filter((e) => e.status !== 'done'),
    );
  }

  /** Cancels everything on its way (the panel is closed or the page left). */
  cancelAll(): void {
    for (const subscription of this.running.values()) {
      subscription.unsubscribe();
    }
    this.running.clear();
  }

  private pump(): void {
    while (this.running.size < PARALLEL_UPLOADS) {
      const next = this.entries().find((e) => e.status === 'queued');
      const request = next && this.requests.get(next.id);
      if (!next || !request) {
        return;
      }
      this.start(next, request);
    }
  }

  private start(entry: UploadEntry, request: UploadRequest): void {
    const id = entry.id;
    this.patch(id, { status: 'uploading', progress: 0 });
    const finish = (): void => {
      this.running.delete(id);
      this.requests.delete(id);
      this.pump();
    };
    const subscription = this.service
      .upload(request.employerId, request.target, request.fields, entry.file)
      .subscribe({
        next: (event) => {
          const percent = uploadPercent(event, entry.file.size);
          if (percent !== null) {
            this.patch(id, {
              progress: percent,
              status: percent >= 100 ? 'checking' : 'uploading',
            });
          } else if (event.type === HttpEventType.Response) {
            this.patch(id, {
              status: 'done',
              progress: 100,
              result: event.body,
            });
            const done = this.entries().find((e) => e.id === id);
            if (done) {
              this.listener(done);
            }
          }
        },
        error: (error: unknown) => {
          this.patch(id, { ...refusalMessage(error), progress: 0 });
          finish();
        },
        complete: finish,
      });
    // An answer given synchronously has already finished it.
    if (!subscription.closed) {
      this.running.set(id, subscription);
    }
  }

  private patch(id: number, changes: Partial<UploadEntry>): void {
    this.entriesSignal.update((entries) =>
      entries.map((e) => (e.id === id ? { ...e, ...changes } : e)),
    );
  }
}
