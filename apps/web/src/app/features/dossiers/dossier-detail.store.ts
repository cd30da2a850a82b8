import { Injectable, inject, signal } from '@angular/core';
import { DossierDetail } from '@moisson/contract';
import { Subscription } from 'rxjs';
import { ApiRequestError } from '../../core/http/api-request-error';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { DossiersService } from './dossiers.service';

export type DossierDetailState =
  | { kind: 'loading' }
  | { kind: 'ready'; dossier: DossierDetail }
  | { kind: 'notFound' }
  | { kind: 'failed'; message: TranslatableMessage };

/** One dossier: loaded once, then replaced by what each step, edit or re-hire answers. */
@Injectable()
export class DossierDetailStore {
  private readonly service = inject(DossiersService);
  private readonly stateSignal = signal<DossierDetailState>({
    kind: 'loading',
  });
  private request: Subscription | null = null;

  readonly state = this.stateSignal.asReadonly();

  load(employerId: string, dossierId: string): void {
    this.request?.unsubscribe();
    this.stateSignal.set({ kind: 'loading' });
    this.request = this.service.get(employerId, dossierId).subscribe({
      next: (dossier) => this.stateSignal.set({ kind: 'ready', dossier }),
      error: (error: unknown) =>
        this.stateSignal.set(
          error instanceof ApiRequestError && error.status === 404
            ? { kind: 'notFound' }
            : { kind: 'failed', message: describeError(error) },
        ),
    });
  }

  set(dossier: DossierDetail): void {
    this.stateSignal.set({ kind: 'ready', dossier });
  }
}
