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
import {
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  CampaignResponse,
  ContractType,
  WorkerListItem,
} from '@moisson/contract';
import { parisToday } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import {
  Observable,
  catchError,
  debounceTime,
  distinctUntilChanged,
  finalize,
  map,
  of,
  switchMap,
} from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { describeFormError } from '../../core/http/describe-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import {
  dayMonthYearValidator,
  parseDayMonthYear,
} from '../../shared/date/day-month-year';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { BilingualPipe } from './bilingual.pipe';
import { CountryPipe } from './country';
import { dossierEmployerId, dossiersBasePath } from './dossier-employer';
import { dateRangeValidator } from './dossier-form.validators';
import { DossiersService } from './dossiers.service';
import {
  WorkerFieldsComponent,
  workerForm,
  workerRequestOf,
} from './worker-fields.component';

const TEXT_MAX_LENGTH = 200;

export type WorkerChoice = 'new' | 'existing';

/**
 * `/dossiers/new`: registers a hire in one form: the worker (new, or found by name or passport
 * among the employer's workers), then their dossier for the season. Checked as typed (end before
 * start, passport already expired); the API's refusals land on the fields they name.
 */
@Component({
  selector: 'moi-dossier-new-page',
  imports: [
    BilingualPipe,
    CountryPipe,
    FormErrorComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatRadioButton,
    MatRadioGroup,
    MatSelect,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    WorkerFieldsComponent,
  ],
  templateUrl: './dossier-new-page.component.html',
  styleUrl: './dossier-new-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DossierNewPageComponent implements OnInit {
  private readonly service = inject(DossiersService);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly language = inject(LanguageService);

  /** `:id` of the firm's route; none on the employer's own `/dossiers/new`. */
  readonly id = input<string>();

  protected readonly employerId = computed(() =>
    dossierEmployerId(this.id(), this.session),
  );
  protected readonly basePath = computed(() => dossiersBasePath(this.id()));

  protected readonly contractTypes = CONTRACT_TYPES;
  protected readonly contractLabels = CONTRACT_TYPE_LABELS;
  protected readonly campaigns = signal<CampaignResponse[]>([]);
  protected readonly matches = signal<WorkerListItem[]>([]);
  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  /** The worker created by an earlier attempt whose dossier was refused: not created twice. */
  private createdWorkerId: string | null = null;

  private readonly fb = inject(NonNullableFormBuilder);
  private readonly today = () => parisToday(new Date());

  protected readonly choice = new FormControl<WorkerChoice>('new', {
    nonNullable: true,
  });
  protected readonly workerSearch = new FormControl('', { nonNullable: true });
  protected readonly existingWorkerId = new FormControl('', {
    nonNullable: true,
    validators: Validators.required,
  });

  protected readonly worker = workerForm(this.fb, this.today);

  protected readonly dossier = this.fb.group(
    {
      campaignId: [''],
      season: [''],
      jobTitle: [
        '',
        [Validators.required, Validators.maxLength(TEXT_MAX_LENGTH)],
      ],
      contractType: ['seasonal' as ContractType, Validators.required],
      plannedStart: ['', [Validators.required, dayMonthYearValidator]],
      plannedEnd: ['', [Validators.required, dayMonthYearValidator]],
      shortageOccupation: [true],
    },
    { validators: dateRangeValidator('plannedStart', 'plannedEnd') },
  );

  ngOnInit(): void {
    const employerId = this.employerId();
    if (!employerId) {
      return;
    }
    this.service
      .campaigns(employerId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (campaigns) => this.campaigns.set(campaigns),
        error: () => undefined,
      });
    this.workerSearch.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        distinctUntilChanged(),
        switchMap(
          (q): Observable<WorkerListItem[]> =>
            q.length < 2
              ? of([])
              : this.service.searchWorkers(employerId, q).pipe(
                  map((page) => page.items),
                  // A failed search shows no match; the person can type again.
                  catchError(() => of<WorkerListItem[]>([])),
                ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((items) => this.matches.set(items));
  }

  protected submit(): void {
    const employerId = this.employerId();
    const newWorker = this.choice.value === 'new';
    this.error.set(null);
    this.dossier.markAllAsTouched();
    if (newWorker) {
      this.worker.markAllAsTouched();
    } else {
      this.existingWorkerId.markAsTouched();
    }
    const workerInvalid = newWorker
      ? this.worker.invalid
      : this.existingWorkerId.invalid;
    if (
      !employerId ||
      workerInvalid ||
      this.dossier.invalid ||
      this.sending()
    ) {
      return;
    }
    this.sending.set(true);
    const workerId$: Observable<string> = newWorker
      ? this.createdWorkerId
        ? of(this.createdWorkerId)
        : this.service
            .createWorker(employerId, workerRequestOf(this.worker))
            .pipe(map((worker) => (this.createdWorkerId = worker.id)))
      : of(this.existingWorkerId.value);
    let workerStep = newWorker && !this.createdWorkerId;
    workerId$
      .pipe(
        switchMap((workerId) => {
          workerStep = false;
          return this.service.create(employerId, this.dossierRequest(workerId));
        }),
        finalize(() => this.sending.set(false)),
      )
      .subscribe({
        next: (dossier) =>
          void this.router.navigate([this.basePath(), dossier.id]),
        error: (error: unknown) => {
          const applied = applyServerErrors(
            workerStep ? this.worker : this.dossier,
            error,
          );
          if (!applied) {
            this.error.set(describeFormError(error));
          }
        },
      });
  }

  private dossierRequest(workerId: string) {
    const value = this.dossier.getRawValue();
    const season = Number.parseInt(value.season, 10);
    return {
      workerId,
      campaignId: value.campaignId || null,
      ...(Number.isInteger(season) ? { season } : {}),
      jobTitle: value.jobTitle.trim(),
      contractType: value.contractType,
      shortageOccupation: value.shortageOccupation,
      plannedStart: parseDayMonthYear(value.plannedStart) ?? '',
      plannedEnd: parseDayMonthYear(value.plannedEnd) ?? '',
    };
  }
}
