import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  EMPLOYER_OVERVIEW_SORTS,
  EmployerOverviewSort,
  OFII_OFFICES,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { debounceTime } from 'rxjs';
import { ParisDatePipe } from '../../../shared/date/paris-date.pipe';
import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search';
import { DEPARTEMENT_PATTERN } from '../../employers/departement';
import { DaysLeftComponent } from '../../../shared/ui/days-left.component';
import {
  DEADLINE_SOON_DAYS,
  EmployerOverviewStore,
  OverviewFilters,
  filtersFromParams,
  paramsFromFilters,
} from './employer-overview.store';
import { StageCountsComponent } from './stage-counts.component';

/** The sortable columns of the overview table, in their order, with their heading. */
const SORTABLE_COLUMNS: readonly {
  sort: EmployerOverviewSort;
  label: string;
}[] = [
  { sort: 'name', label: 'firmConsole.overview.columns.employer' },
  {
    sort: 'activeDossiers',
    label: 'firmConsole.overview.columns.activeDossiers',
  },
  { sort: 'longestWait', label: 'firmConsole.overview.columns.overdue' },
  { sort: 'appealDeadline', label: 'firmConsole.overview.columns.refusals' },
  { sort: 'lastActivity', label: 'firmConsole.overview.columns.lastActivity' },
];

/**
 * `/firm/overview` (vue d'ensemble, the firm's home): one row per employer with its active dossiers
 * per stage, overdue OFII convocations, refusals still open to appeal, last activity and who follows
 * it; sortable, filtered, page by page. The filters live in the address, so a view can be shared.
 */
@Component({
  selector: 'moi-employer-overview-page',
  imports: [
    DaysLeftComponent,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ParisDatePipe,
    ReactiveFormsModule,
    RouterLink,
    StageCountsComponent,
    TranslatePipe,
  ],
  providers: [EmployerOverviewStore],
  templateUrl: './employer-overview-page.component.html',
  styleUrl: './employer-overview-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerOverviewPageComponent implements OnInit {
  protected readonly store = inject(EmployerOverviewStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly offices = OFII_OFFICES;
  protected readonly sorts = EMPLOYER_OVERVIEW_SORTS;
  protected readonly sortableColumns = SORTABLE_COLUMNS;
  protected readonly soonDays = DEADLINE_SOON_DAYS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    q: [''],
    deadlineSoon: [false],
    assignedToMe: [false],
    overdue: [false],
    unappealedRefusals: [false],
    departement: ['', Validators.pattern(DEPARTEMENT_PATTERN)],
    ofiiOffice: [''],
    sort: ['name' as EmployerOverviewSort],
  });

  ngOnInit(): void {
    this.route.queryParamMap
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((params) => {
        const filters = filtersFromParams((name) => params.get(name));
        this.form.setValue(filters, { emitEvent: false });
        this.store.apply(filters);
      });
    this.form.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        if (this.form.valid) {
          this.show(this.formFilters());
        }
      });
  }

  protected sortBy(sort: EmployerOverviewSort): void {
    this.form.controls.sort.setValue(sort, { emitEvent: false });
    this.show({ ...this.formFilters(), sort });
  }

  protected ariaSort(
    sort: EmployerOverviewSort,
  ): 'descending' | 'ascending' | null {
    if (this.store.filters().sort !== sort) {
      return null;
    }
    // Names and the nearest deadline read upwards; counts, waits and activity downwards.
    return sort === 'name' || sort === 'appealDeadline'
      ? 'ascending'
      : 'descending';
  }

  protected clear(): void {
    this.show({
      ...filtersFromParams(() => null),
      sort: this.store.filters().sort,
    });
  }

  private formFilters(): OverviewFilters {
    const value = this.form.getRawValue();
    return { ...value, departement: value.departement.trim().toUpperCase() };
  }

  /** Puts the filters in the address; the address drives the list. */
  private show(filters: OverviewFilters): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters(filters),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
