import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { DossierDetail } from '@moisson/contract';
import { parisToday } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize, switchMap } from 'rxjs';
import { describeFormError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { DossiersService } from './dossiers.service';
import {
  WorkerFieldsComponent,
  WorkerForm,
  workerForm,
  workerRequestOf,
} from './worker-fields.component';

/**
 * Corrects the worker of a dossier (a misspelt name, a renewed passport, a new phone): the person's
 * record, so every dossier of that worker shows the change. Saves, then reads the dossier again so
 * that its warnings and deadlines follow (a renewed passport clears "expires too soon").
 */
@Component({
  selector: 'moi-worker-edit-form',
  imports: [
    FormErrorComponent,
    MatButton,
    ReactiveFormsModule,
    TranslatePipe,
    WorkerFieldsComponent,
  ],
  template: `
    <form
      class="moi-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      data-testid="worker-edit-form"
    >
      <p class="moi-muted">
        {{ 'dossiers.detail.workerEditHint' | translate }}
      </p>
      <moi-worker-fields [group]="form" />
      <moi-form-error [message]="error()" />
      <div class="moi-form-actions">
        <button
          matButton="filled"
          type="submit"
          [disabled]="sending()"
          data-testid="worker-edit-save"
        >
          {{ 'common.save' | translate }}
        </button>
        <button matButton type="button" (click)="cancelled.emit()">
          {{ 'common.cancel' | translate }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerEditFormComponent implements OnInit {
  private readonly service = inject(DossiersService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly employerId = input.required<string>();
  readonly dossier = input.required<DossierDetail>();
  readonly saved = output<DossierDetail>();
  readonly cancelled = output<void>();

  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  protected form!: WorkerForm;

  ngOnInit(): void {
    this.form = workerForm(
      this.fb,
      () => parisToday(new Date()),
      this.dossier().worker,
    );
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    this.error.set(null);
    if (this.form.invalid || this.sending()) {
      return;
    }
    const employerId = this.employerId();
    const dossier = this.dossier();
    this.sending.set(true);
    this.service
      .updateWorker(employerId, dossier.worker.id, workerRequestOf(this.form))
      .pipe(
        switchMap(() => this.service.get(employerId, dossier.id)),
        finalize(() => this.sending.set(false)),
      )
      .subscribe({
        next: (updated) => this.saved.emit(updated),
        error: (error: unknown) => {
          if (!applyServerErrors(this.form, error)) {
            this.error.set(describeFormError(error));
          }
        },
      });
  }
}
