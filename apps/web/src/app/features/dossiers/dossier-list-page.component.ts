import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  CampaignResponse,
  DOSSIER_SORTS,
  DossierListQuery,
  DossierSort,
  OFII_OFFICES,
} from '@moisson/contract';
import {
  DOSSIER_STAGE_LABELS,
  DOSSIER_STAGES,
  DOSSIER_STATE_LABELS,
  DOSSIER_STATES,
  isDossierState,
} from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { debounceTime, map } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search';
import { BilingualPipe } from './bilingual.pipe';
import { DeadlineCountdownComponent } from './deadline-countdown.component';
import { dossierEmployerId, dossiersBasePath } from './dossier-employer';
import { DossierListStore } from './dossier-list.store';
import { DossiersService } from './dossiers.service';
import { GroupTransitionComponent } from './group-transition.component';

const MAX_DEADLINE_DAYS = 366;

/**
 * `/dossiers` (an employer's users) and `/firm/employers/:id/dossiers` (firm staff): the employer's
 * dossiers, filtered, sorted, page by page, with the CSV export of the same filters. The filters
 * start from the address's query parameters, so the dashboard tiles link to a filtered list.
 */
@Component({
  selector: 'moi-dossier-list-page',
  imports: [
    BilingualPipe,
    DeadlineCountdownComponent,
    GroupTransitionComponent,
    MatAnchor,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ParisDatePipe,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [DossierListStore],
  templateUrl: './dossier-list-page.component.html',
  styleUrl: './dossier-list-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DossierListPageComponent implements OnInit {
  protected readonly store = inject(DossierListStore);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  private readonly service = inject(DossiersService);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  /** `:id` of the firm's route; none on the employer's own `/dossiers`. */
  readonly id = input<string>();

  protected readonly employerId = computed(() =>
    dossierEmployerId(this.id(), this.session),
  );
  protected readonly basePath = computed(() => dossiersBasePath(this.id()));
  protected readonly canWrite = computed(() =>
    this.session.can('employer.dossiers.write'),
  );

  protected readonly states = DOSSIER_STATES;
  protected readonly stateLabels = DOSSIER_STATE_LABELS;
  protected readonly stages = DOSSIER_STAGES;
  protected readonly stageLabels = DOSSIER_STAGE_LABELS;
  protected readonly ofiiOffices = OFII_OFFICES;
  protected readonly sorts = DOSSIER_SORTS;
  protected readonly campaigns = signal<CampaignResponse[]>([]);

  /** Ids of the dossiers ticked for a group transition. */
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedItems = computed(() =>
    this.store.items().filter((item) => this.selected().has(item.id)),
  );
  /** The state all ticked dossiers share, or null when they differ (no group transition then). */
  protected readonly selectedState = computed(() => {
    const states = new Set(this.selectedItems().map((item) => item.state));
    return states.size === 1 ? [...states][0] : null;
  });

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    state: [''],
    stage: [''],
    campaignId: [''],
    ofiiOffice: [''],
    overdue: [false],
    deadlineWithinDays: [''],
    sort: ['plannedStart' as DossierSort],
  });

  ngOnInit(): void {
    const params = this.route.snapshot.queryParamMap;
    const sort = params.get('sort');
    this.filters.setValue(
      {
        q: params.get('q') ?? '',
        state: params.get('state') ?? '',
        stage: params.get('stage') ?? '',
        campaignId: params.get('campaignId') ?? '',
        ofiiOffice: params.get('ofiiOffice') ?? '',
        overdue: params.get('overdue') === 'true',
        deadlineWithinDays: params.get('deadlineWithinDays') ?? '',
        sort: (DOSSIER_SORTS as readonly string[]).includes(sort ?? '')
          ? (sort as DossierSort)
          : 'plannedStart',
      },
      { emitEvent: false },
    );
    const employerId = this.employerId();
    if (!employerId) {
      return;
    }
    this.service
      .campaigns(employerId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (campaigns) => this.campaigns.set(campaigns),
        // The campaign filter stays empty; the list itself still works.
        error: () => undefined,
      });
    this.apply();
    this.filters.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map(() => this.query()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.apply());
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((selected) => {
      const next = new Set(selected);
      if (checked) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });
  }

  protected groupDone(): void {
    this.selected.set(new Set());
    this.store.reload();
  }

  protected stateLabel(state: string): string {
    return isDossierState(state)
      ? this.stateLabels[state][this.language.current()]
      : state;
  }

  private apply(): void {
    const employerId = this.employerId();
    if (this.filters.invalid || !employerId) {
      return;
    }
    this.selected.set(new Set());
    this.store.load(employerId, this.query());
  }

  /** The form as the API's query: empty filters left out. */
  private query(): DossierListQuery {
    const value = this.filters.getRawValue();
    const days = Number.parseInt(value.deadlineWithinDays, 10);
    return {
      q: value.q.trim() || undefined,
      state: value.state || undefined,
      stage: value.stage || undefined,
      campaignId: value.campaignId || undefined,
      ofiiOffice: value.ofiiOffice || undefined,
      overdue: value.overdue || undefined,
      deadlineWithinDays:
        Number.isInteger(days) && days >= 0 && days <= MAX_DEADLINE_DAYS
          ? days
          : undefined,
      sort: value.sort,
    };
  }
}
