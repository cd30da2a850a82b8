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
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CONTRACT_TYPE_LABELS,
  DossierDetail,
  DossierEventResponse,
  DossierTransitionRequest,
} from '@moisson/contract';
import {
  DOSSIER_STAGE_LABELS,
  DOSSIER_STAGES,
  DOSSIER_STATE_LABELS,
  DossierStage,
  DossierState,
} from '@moisson/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Observable, tap } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { describeFormError } from '../../core/http/describe-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { DossierDocumentsComponent } from '../documents/dossier-documents.component';
import { DossierRemindersComponent } from '../reminders/dossier-reminders.component';
import { NotesPanelComponent } from '../firm-console/notes/notes-panel.component';
import { BilingualPipe } from './bilingual.pipe';
import { CountryPipe } from './country';
import { DeadlineCountdownComponent } from './deadline-countdown.component';
import { DossierDetailStore } from './dossier-detail.store';
import { dossierEmployerId, dossiersBasePath } from './dossier-employer';
import { DossierPlanningFormComponent } from './dossier-planning-form.component';
import { WorkerEditFormComponent } from './worker-edit-form.component';
import { WorkerSeasonsComponent } from './worker-seasons.component';
import { TimelineFact, timelineFacts } from './dossier-timeline';
import { DossiersService } from './dossiers.service';
import { TransitionFormComponent } from './transition-form.component';

/** Stages drawn on the stepper: "ended" only shows when the dossier is there. */
const STEPPER_STAGES = DOSSIER_STAGES.filter((stage) => stage !== 'ended');
/** Stages after which next season's dossier may be started. */
const REHIRE_STAGES: readonly DossierStage[] = ['return', 'ended'];

/**
 * `/dossiers/:dossierId` (and `/firm/employers/:id/dossiers/:dossierId`): the worker and season,
 * the stage stepper, the next steps as forms, the computed deadlines ("to be checked by the firm"),
 * warnings, the timeline, the planning fields and re-hire.
 */
@Component({
  selector: 'moi-dossier-detail-page',
  imports: [
    BilingualPipe,
    CountryPipe,
    DeadlineCountdownComponent,
    DossierDocumentsComponent,
    DossierPlanningFormComponent,
    DossierRemindersComponent,
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatProgressBar,
    NotesPanelComponent,
    ParisDatePipe,
    RouterLink,
    TransitionFormComponent,
    TranslatePipe,
    WorkerEditFormComponent,
    WorkerSeasonsComponent,
  ],
  providers: [DossierDetailStore],
  templateUrl: './dossier-detail-page.component.html',
  styleUrl: './dossier-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DossierDetailPageComponent {
  protected readonly store = inject(DossierDetailStore);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  private readonly service = inject(DossiersService);
  private readonly translate = inject(TranslateService);
  private readonly router = inject(Router);

  /** `:id` of the firm's route; none on the employer's own pages. */
  readonly id = input<string>();
  readonly dossierId = input.required<string>();

  protected readonly employerId = computed(() =>
    dossierEmployerId(this.id(), this.session),
  );
  protected readonly basePath = computed(() => dossiersBasePath(this.id()));
  protected readonly canWrite = computed(() =>
    this.session.can('employer.dossiers.write'),
  );

  protected readonly stateLabels = DOSSIER_STATE_LABELS;
  protected readonly stageLabels = DOSSIER_STAGE_LABELS;
  protected readonly contractLabels = CONTRACT_TYPE_LABELS;
  /** The step whose form is open. */
  protected readonly openStep = signal<DossierState | null>(null);
  protected readonly editingPlanning = signal(false);
  protected readonly editingWorker = signal(false);
  protected readonly rehiring = signal(false);
  protected readonly rehireError = signal<TranslatableMessage | null>(null);
  protected readonly stepDone = signal<DossierState | null>(null);

  protected readonly stepper = computed(() => {
    const state = this.store.state();
    if (state.kind !== 'ready') {
      return [];
    }
    const current = state.dossier.stage;
    const stages: DossierStage[] =
      current === 'ended' ? [...STEPPER_STAGES, 'ended'] : STEPPER_STAGES;
    const currentIndex = stages.indexOf(current);
    return stages.map((stage, index) => ({
      stage,
      status:
        index < currentIndex
          ? 'done'
          : index === currentIndex
            ? 'current'
            : 'todo',
    }));
  });

  protected readonly canRehire = computed(() => {
    const state = this.store.state();
    return (
      this.canWrite() &&
      state.kind === 'ready' &&
      REHIRE_STAGES.includes(state.dossier.stage)
    );
  });

  constructor() {
    effect(() => {
      const employerId = this.employerId();
      const dossierId = this.dossierId();
      untracked(() => {
        this.openStep.set(null);
        this.editingPlanning.set(false);
        this.editingWorker.set(false);
        if (employerId) {
          this.store.load(employerId, dossierId);
        }
      });
    });
  }

  protected readonly sendTransition = (
    request: DossierTransitionRequest,
  ): Observable<DossierDetail> =>
    this.service
      .transition(this.employerId() ?? '', this.dossierId(), request)
      .pipe(tap((dossier) => this.store.set(dossier)));

  protected transitionDone(): void {
    this.stepDone.set(this.openStep());
    this.openStep.set(null);
  }

  protected open(state: DossierState): void {
    this.stepDone.set(null);
    this.openStep.set(state);
  }

  protected planningSaved(dossier: DossierDetail): void {
    this.store.set(dossier);
    this.editingPlanning.set(false);
  }

  protected workerSaved(dossier: DossierDetail): void {
    this.store.set(dossier);
    this.editingWorker.set(false);
  }

  protected facts(event: DossierEventResponse): TimelineFact[] {
    return timelineFacts(event, this.language.current(), (key) =>
      this.translate.instant(key),
    );
  }

  protected rehire(): void {
    const employerId = this.employerId();
    if (!employerId || this.rehiring()) {
      return;
    }
    this.rehiring.set(true);
    this.rehireError.set(null);
    this.service.rehire(employerId, this.dossierId()).subscribe({
      next: (dossier) => {
        this.rehiring.set(false);
        void this.router.navigate([this.basePath(), dossier.id]);
      },
      error: (error: unknown) => {
        this.rehiring.set(false);
        this.rehireError.set(describeFormError(error));
      },
    });
  }
}
