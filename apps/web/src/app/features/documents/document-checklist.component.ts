import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { DocumentChecklist, DocumentType } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import { BilingualPipe } from '../dossiers/bilingual.pipe';

/**
 * The papers usually expected once a dossier has reached its state (the API's checklist): a tick
 * for each one present, and "missing" with an "add" button for the others. A guide, not the law.
 */
@Component({
  selector: 'moi-document-checklist',
  imports: [BilingualPipe, MatButton, TranslatePipe],
  template: `
    @let lang = language.current();
    <div class="head">
      <h3 class="moi-subsection-title">
        {{ 'documents.checklist.title' | translate }}
      </h3>
      @if (counts().expected > 0) {
        <span
          class="moi-badge"
          [class.moi-badge-ok]="counts().missing === 0"
          data-testid="checklist-summary"
          >{{ 'documents.checklist.summary' | translate: counts() }}</span
        >
      }
    </div>
    @if (checklist().items.length === 0) {
      <p class="moi-muted">{{ 'documents.checklist.none' | translate }}</p>
    } @else {
      <ul class="items" data-testid="checklist">
        @for (item of checklist().items; track item.type) {
          <li
            data-testid="checklist-item"
            [attr.data-type]="item.type"
            [attr.data-present]="item.present"
            [class.present]="item.present"
          >
            <span class="mark" aria-hidden="true">{{
              item.present ? '✓' : '!'
            }}</span>
            <span class="label">{{ item.label | moiBilingual: lang }}</span>
            <span class="state">{{
              (item.present
                ? 'documents.checklist.present'
                : 'documents.checklist.missing'
              ) | translate
            }}</span>
            @if (!item.present && canAdd()) {
              <button
                matButton
                type="button"
                data-testid="checklist-add"
                [attr.aria-label]="
                  'documents.checklist.addOne'
                    | translate: { type: (item.label | moiBilingual: lang) }
                "
                (click)="add.emit(item.type)"
              >
                {{ 'documents.checklist.add' | translate }}
              </button>
            }
          </li>
        }
      </ul>
    }
    <p class="moi-muted notice">
      {{ 'documents.checklist.notice' | translate }}
    </p>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 8px;
    }
    .items {
      display: grid;
      gap: 0;
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      min-height: 40px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .mark {
      display: inline-grid;
      place-items: center;
      width: 22px;
      height: 22px;
      border-radius: 50%;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font-weight: 700;
      font-size: 13px;
    }
    .present .mark {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .label {
      flex: 1 1 160px;
      min-width: 0;
    }
    .state {
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
    .present .state {
      color: var(--mat-sys-primary);
    }
    .notice {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentChecklistComponent {
  protected readonly language = inject(LanguageService);

  readonly checklist = input.required<DocumentChecklist>();
  /** Whether the user may upload (shows "add" on missing papers). */
  readonly canAdd = input(false);
  readonly add = output<DocumentType>();

  protected readonly counts = computed(() => {
    const items = this.checklist().items;
    const present = items.filter((item) => item.present).length;
    return {
      present,
      expected: items.length,
      missing: items.length - present,
    };
  });
}
