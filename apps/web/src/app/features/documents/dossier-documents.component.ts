import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatProgressBar } from '@angular/material/progress-bar';
import { DocumentType, DossierDetail } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { DocumentChecklistComponent } from './document-checklist.component';
import { DocumentListComponent } from './document-list.component';
import { DocumentUploadPanelComponent } from './document-upload-panel.component';
import { DossierDocumentsStore } from './dossier-documents.store';

/**
 * The "Documents" card of a dossier page: the checklist of expected papers, the upload panel and
 * the list. Mounted on the dossier page with one tag; reads its own data.
 */
@Component({
  selector: 'moi-dossier-documents',
  imports: [
    DocumentChecklistComponent,
    DocumentListComponent,
    DocumentUploadPanelComponent,
    MatCard,
    MatCardContent,
    MatCheckbox,
    MatProgressBar,
    TranslatePipe,
  ],
  providers: [DossierDocumentsStore],
  template: `
    <mat-card appearance="outlined" data-testid="dossier-documents">
      <mat-card-content>
        <div class="head">
          <h2 class="moi-section-title">
            {{ 'documents.title' | translate }}
          </h2>
          @if (canRestore()) {
            <mat-checkbox
              data-testid="documents-show-deleted"
              [checked]="showDeleted()"
              (change)="toggleDeleted($event.checked)"
              >{{ 'documents.list.showDeleted' | translate }}</mat-checkbox
            >
          }
        </div>
        @let current = store.state();
        <div class="moi-progress-slot">
          @if (current.kind === 'loading') {
            <mat-progress-bar
              mode="indeterminate"
              [attr.aria-label]="'common.loading' | translate"
            />
          }
        </div>
        @if (current.kind === 'failed') {
          <p class="moi-alert moi-alert-error" role="alert">
            {{ current.message.key | translate: current.message.params }}
          </p>
        } @else if (current.kind === 'ready') {
          <moi-document-checklist
            [checklist]="current.checklist"
            [canAdd]="canWrite()"
            (add)="chooseType($event)"
          />
        }
        @if (employerId(); as employer) {
          @if (canWrite()) {
            <moi-document-upload-panel
              [employerId]="employer"
              [dossierId]="dossier().id"
              [workerId]="dossier().worker.id"
              (uploaded)="store.reload()"
              (dossierChanged)="dossierChanged.emit($event)"
            />
          }
          @if (current.kind === 'ready') {
            <h3 class="moi-subsection-title list-title">
              {{ 'documents.list.title' | translate }}
            </h3>
            <moi-document-list
              [employerId]="employer"
              [documents]="current.documents"
              [canDelete]="canWrite()"
              [canRestore]="canRestore()"
              (changed)="store.reload()"
            />
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    /* A grid item of the dossier page's column: never wider than the column. */
    :host {
      display: block;
      min-width: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0 16px;
    }
    moi-document-upload-panel {
      display: block;
      margin-top: 16px;
    }
    .list-title {
      margin-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DossierDocumentsComponent {
  protected readonly store = inject(DossierDocumentsStore);
  private readonly session = inject(SessionStore);

  readonly employerId = input.required<string | null>();
  readonly dossier = input.required<DossierDetail>();
  /** The dossier after an upload's permit number and dates were copied into it. */
  readonly dossierChanged = output<DossierDetail>();

  protected readonly canWrite = computed(() =>
    this.session.can('employer.dossiers.write'),
  );
  protected readonly canRestore = computed(() =>
    this.session.can('firm.documents.restore'),
  );
  protected readonly showDeleted = signal(false);
  private readonly panel = viewChild(DocumentUploadPanelComponent);

  /** Read again when the dossier changes state: the expected papers follow the procedure. */
  private readonly loadKey = computed(
    () => ({
      employerId: this.employerId(),
      dossierId: this.dossier().id,
      state: this.dossier().state,
    }),
    {
      equal: (a, b) =>
        a.employerId === b.employerId &&
        a.dossierId === b.dossierId &&
        a.state === b.state,
    },
  );

  constructor() {
    effect(() => {
      const { employerId, dossierId } = this.loadKey();
      const includeDeleted = this.showDeleted();
      untracked(() => {
        if (employerId) {
          this.store.load(employerId, dossierId, includeDeleted);
        }
      });
    });
  }

  protected toggleDeleted(checked: boolean): void {
    this.showDeleted.set(checked);
  }

  protected chooseType(type: DocumentType): void {
    this.panel()?.chooseType(type);
  }
}
