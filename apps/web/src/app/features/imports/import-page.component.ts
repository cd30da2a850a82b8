import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  IMPORT_MAX_FILE_BYTES,
  ImportField,
  ImportMapping,
  ImportRowError,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { BilingualPipe } from '../dossiers/bilingual.pipe';
import { ImportWizardStore } from './import-wizard.store';

/**
 * `/dossiers/import`: an .xlsx or CSV of hires, dropped or picked -> its columns mapped to the fields ->
 * every row previewed with its errors (nothing written) -> imported in one go.
 */
@Component({
  selector: 'moi-import-page',
  imports: [
    BilingualPipe,
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [ImportWizardStore],
  templateUrl: './import-page.component.html',
  styleUrl: './import-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPageComponent {
  protected readonly store = inject(ImportWizardStore);
  protected readonly language = inject(LanguageService);
  private readonly session = inject(SessionStore);

  protected readonly employerId = computed(
    () => this.session.user()?.employerId ?? null,
  );
  protected readonly fields = IMPORT_FIELDS;
  protected readonly fieldLabels = IMPORT_FIELD_LABELS;
  protected readonly maxMegabytes = IMPORT_MAX_FILE_BYTES / (1024 * 1024);
  protected readonly dragging = signal(false);
  protected readonly tooLarge = signal(false);
  protected readonly skipInvalid = new FormControl(false, {
    nonNullable: true,
  });
  protected readonly mapping = new FormGroup(
    Object.fromEntries(
      IMPORT_FIELDS.map((field) => [
        field,
        new FormControl('', { nonNullable: true }),
      ]),
    ) as Record<ImportField, FormControl<string>>,
  );

  constructor() {
    effect(() => {
      const preview = this.store.preview();
      untracked(() => {
        if (preview) {
          this.mapping.setValue(
            Object.fromEntries(
              IMPORT_FIELDS.map((field) => [
                field,
                preview.mapping[field] ?? '',
              ]),
            ) as Record<ImportField, string>,
          );
        }
      });
    });
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.choose(input.files?.[0] ?? null);
    input.value = '';
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.choose(event.dataTransfer?.files?.[0] ?? null);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected applyMapping(): void {
    const employerId = this.employerId();
    if (!employerId) {
      return;
    }
    const value = this.mapping.getRawValue();
    const mapping: ImportMapping = {};
    for (const field of IMPORT_FIELDS) {
      if (value[field]) {
        mapping[field] = value[field];
      }
    }
    this.store.remap(employerId, mapping);
  }

  protected confirm(): void {
    const employerId = this.employerId();
    if (employerId) {
      this.store.commit(employerId, this.skipInvalid.value);
    }
  }

  protected message(error: ImportRowError): string {
    return this.language.current() === 'fr' && error.messageFr
      ? error.messageFr
      : error.message;
  }

  private choose(file: File | null): void {
    const employerId = this.employerId();
    if (!file || !employerId) {
      return;
    }
    this.tooLarge.set(file.size > IMPORT_MAX_FILE_BYTES);
    if (!this.tooLarge()) {
      this.store.choose(employerId, file);
    }
  }
}
