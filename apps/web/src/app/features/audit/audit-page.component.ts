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
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteSelectedEvent,
  MatAutocompleteTrigger,
} from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import {
  AUDIT_ACTIONS,
  AuditAction,
  AuditEventResponse,
  EmployerResponse,
} from '@moisson/contract';
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
import {
  dayMonthYearValidator,
  parseDayMonthYear,
} from '../../shared/date/day-month-year';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { EmployersService } from '../employers/employers.service';
import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search';
import { AuditStore } from './audit.store';

/** "from" after "to" cannot match anything. */
function dateRangeValidator(group: AbstractControl): ValidationErrors | null {
  const from = parseDayMonthYear((group.get('from')?.value as string) ?? '');
  const to = parseDayMonthYear((group.get('to')?.value as string) ?? '');
  return from && to && from > to ? { dateRange: true } : null;
}

/** `/firm/audit` (journal d'audit, firm admins): who did what, when, filtered, page by page. */
@Component({
  selector: 'moi-audit-page',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ParisDatePipe,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  providers: [AuditStore],
  templateUrl: './audit-page.component.html',
  styleUrl: './audit-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPageComponent implements OnInit {
  protected readonly store = inject(AuditStore);
  private readonly employers = inject(EmployersService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly employerOptions = signal<EmployerResponse[]>([]);
  /** The employer picked in the autocomplete; the text alone filters nothing. */
  private readonly selectedEmployer = signal<{
    id: string;
    legalName: string;
  } | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      action: ['' as AuditAction | ''],
      employer: ['' as string | EmployerResponse],
      actorEmail: ['', Validators.maxLength(254)],
      from: ['', dayMonthYearValidator],
      to: ['', dayMonthYearValidator],
    },
    { validators: dateRangeValidator },
  );

  ngOnInit(): void {
    this.store.apply({});
    this.form.controls.employer.valueChanges
      .pipe(
        // An employer object is a pick from the list; text is a search, and undoes the pick.
        filter((value): value is string => typeof value === 'string'),
        tap(() => this.selectedEmployer.set(null)),
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
      .subscribe((employers) => this.employerOptions.set(employers));
  }

  protected pickEmployer(event: MatAutocompleteSelectedEvent): void {
    const employer = event.option.value as EmployerResponse;
    this.selectedEmployer.set({
      id: employer.id,
      legalName: employer.legalName,
    });
    this.store.rememberEmployer(employer.id, employer.legalName);
  }

  /** The autocomplete's option values are employers; the field shows their name. */
  protected readonly employerLabel = (
    value: EmployerResponse | string | null,
  ): string => (typeof value === 'string' ? value : (value?.legalName ?? ''));

  protected search(): void {
    const employer = this.form.controls.employer;
    if (typeof employer.value === 'string' && employer.value.trim() !== '') {
      employer.setErrors({ notPicked: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { action, actorEmail, from, to } = this.form.getRawValue();
    this.store.apply({
      action: action || null,
      employerId: this.selectedEmployer()?.id ?? null,
      actorEmail: actorEmail.trim() || null,
      // Calendar days, as the API reads them (YYYY-MM-DD, both days included).
      from: parseDayMonthYear(from),
      to: parseDayMonthYear(to),
    });
  }

  protected clear(): void {
    this.form.reset();
    this.selectedEmployer.set(null);
    this.employerOptions.set([]);
    this.store.apply({});
  }

  protected employerName(event: AuditEventResponse): string | null {
    if (!event.employerId) {
      return null;
    }
    return this.store.employerNames().get(event.employerId) ?? event.employerId;
  }

  protected details(event: AuditEventResponse): string {
    return Object.entries(event.details ?? {})
      .map(
        ([key, value]) =>
          `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
      )
      .join(' · ');
  }
}
