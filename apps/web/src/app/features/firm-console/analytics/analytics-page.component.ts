import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteSelectedEvent,
  MatAutocompleteTrigger,
} from '@angular/material/autocomplete';
import { MatAnchor } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { EmployerResponse, OFII_OFFICES } from '@moisson/contract';
import { parisToday, parseCalendarDate } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search';
import { DEPARTEMENT_PATTERN } from '../../employers/departement';
import { EmployersService } from '../../employers/employers.service';
import { AnalyticsChart, formatRatio } from './analytics-charts';
import { analyticsCsvUrl } from './analytics.service';
import { AnalyticsStore } from './analytics.store';
import { ChartComponent } from './chart.component';
import { LanguageService } from '../../../core/i18n/language.service';

/**
 * `/firm/analytics` (analyses): convocation delays per office and month, visa refusals per consulate
 * and ground, appeal outcomes, the season's funnel and returning workers; filtered by season,
 * département, OFII office and employer; each chart with its table and its CSV.
 */
@Component({
  selector: 'moi-analytics-page',
  imports: [
    ChartComponent,
    MatAnchor,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  providers: [AnalyticsStore],
  templateUrl: './analytics-page.component.html',
  styleUrl: './analytics-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnalyticsPageComponent implements OnInit {
  protected readonly store = inject(AnalyticsStore);
  protected readonly language = inject(LanguageService);
  private readonly employers = inject(EmployersService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly offices = OFII_OFFICES;
  protected readonly seasons = seasonsAround(
    parseCalendarDate(parisToday(new Date())).year,
  );
  protected readonly employerOptions = signal<EmployerResponse[]>([]);
  private readonly pickedEmployer = signal<string | null>(null);
  protected readonly formatRatio = formatRatio;

  protected readonly form = inject(NonNullableFormBuilder).group({
    season: [0],
    departement: ['', Validators.pattern(DEPARTEMENT_PATTERN)],
    ofiiOffice: [''],
    employer: ['' as string | EmployerResponse],
  });

  ngOnInit(): void {
    this.apply();
    this.form.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        if (this.form.valid) {
          this.apply();
        }
      });
    this.form.controls.employer.valueChanges
      .pipe(
        // Typed text searches (and undoes a pick); an employer object is a pick from the list.
        filter((value): value is string => typeof value === 'string'),
        tap(() => this.pickedEmployer.set(null)),
        map((text) => text.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((text) =>
          text
            ? this.employers.list({ search: text }).pipe(
                map((page) => page.items),
                catchError(() => of([])),
              )
            : of([]),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((options) => this.employerOptions.set(options));
  }

  protected pickEmployer(event: MatAutocompleteSelectedEvent): void {
    this.pickedEmployer.set((event.option.value as EmployerResponse).id);
  }

  protected readonly employerLabel = (
    value: EmployerResponse | string | null,
  ): string => (typeof value === 'string' ? value : (value?.legalName ?? ''));

  protected csvUrl(chart: AnalyticsChart): string {
    return analyticsCsvUrl(chart.csv, this.store.filters());
  }

  private apply(): void {
    const { season, departement, ofiiOffice } = this.form.getRawValue();
    this.store.load({
      season: season || undefined,
      departement,
      ofiiOffice,
      employerId: this.pickedEmployer() ?? undefined,
    });
  }
}

/** Next season and the five before it, newest first. */
function seasonsAround(year: number): number[] {
  return Array.from({ length: 6 }, (_, index) => year + 1 - index);
}
