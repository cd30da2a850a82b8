import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  NOTE_MAX_LENGTH,
  NoteResponse,
  NoteVisibility,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session.store';
import { describeFormError } from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../../shared/date/paris-date.pipe';
import { FormErrorComponent } from '../../../shared/forms/form-error.component';
import { confirmAction } from '../../../shared/ui/confirm';
import { NotesStore } from './notes.store';

/**
 * Notes of the firm on an employer (no `dossierId`) or on a dossier. Firm staff write them, internal
 * to the firm or shared with the employer; the employer's users read the shared ones on their
 * dossiers (the card stays hidden for them when there is none).
 */
@Component({
  selector: 'moi-notes-panel',
  imports: [
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    ParisDatePipe,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  providers: [NotesStore],
  templateUrl: './notes-panel.component.html',
  styleUrl: './notes-panel.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotesPanelComponent {
  protected readonly store = inject(NotesStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly employerId = input.required<string | null>();
  readonly dossierId = input<string | null>(null);

  protected readonly maxLength = NOTE_MAX_LENGTH;
  protected readonly canWrite = computed(() =>
    this.session.can('firm.notes.write'),
  );
  /** Employer users see the card only when the firm shared something with them. */
  protected readonly visible = computed(
    () => this.canWrite() || this.store.notes().length > 0,
  );
  protected readonly saving = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  protected readonly editing = signal<string | null>(null);

  protected readonly form = this.newForm();
  protected readonly editForm = this.newForm();

  constructor() {
    effect(() => {
      const employerId = this.employerId();
      const dossierId = this.dossierId();
      untracked(() => {
        this.editing.set(null);
        if (employerId) {
          this.store.load(employerId, dossierId);
        }
      });
    });
  }

  /** `directive`: the form's FormGroupDirective, whose "submitted" flag must go too. */
  protected add(directive: FormGroupDirective): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { body, visibility } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.store.add(body, visibility).subscribe({
      next: () => {
        this.saving.set(false);
        // Cleared as new: no "required" error under the empty field.
        directive.resetForm({ body: '', visibility });
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected edit(note: NoteResponse): void {
    this.error.set(null);
    this.editForm.reset({ body: note.body, visibility: note.visibility });
    this.editing.set(note.id);
  }

  protected save(note: NoteResponse): void {
    if (this.editForm.invalid || this.saving()) {
      this.editForm.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.store.update(note.id, this.editForm.getRawValue()).subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(null);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected remove(note: NoteResponse): void {
    confirmAction(this.dialog, {
      title: { key: 'firmConsole.notes.confirmDelete.title' },
      message: { key: 'firmConsole.notes.confirmDelete.message' },
      confirm: { key: 'firmConsole.notes.confirmDelete.confirm' },
      danger: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.saving.set(true);
          return this.store.remove(note.id);
        }),
      )
      .subscribe({
        next: () => this.saving.set(false),
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    this.saving.set(false);
    this.error.set(describeFormError(error));
  }

  private newForm() {
    return this.fb.group({
      body: [
        '',
        [Validators.required, Validators.maxLength(NOTE_MAX_LENGTH), notBlank],
      ],
      visibility: ['internal' as NoteVisibility],
    });
  }
}

function notBlank(control: { value: string }): { required: true } | null {
  return control.value.trim() === '' ? { required: true } : null;
}
