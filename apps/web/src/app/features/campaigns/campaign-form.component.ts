import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { CampaignResponse } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, finalize } from 'rxjs';
import { describeFormError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { FormErrorComponent } from '../../shared/forms/form-error.component';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { CampaignsService } from './campaigns.service';

const MIN_SEASON = 2000;
const MAX_SEASON = 2100;

/** Creates a campaign (`campaign` not set) or edits its name, season and notes. */
@Component({
  selector: 'moi-campaign-form',
  imports: [
    FormErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  template: `
    <form class="moi-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label>{{ 'campaigns.fields.name' | translate }}</mat-label>
        <input
          matInput
          formControlName="name"
          required
          data-testid="campaign-name"
        />
        @if (form.controls.name.hasError('required')) {
          <mat-error>{{ 'validation.required' | translate }}</mat-error>
        } @else if (form.controls.name.hasError('server')) {
          <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'campaigns.fields.season' | translate }}</mat-label>
        <input
          matInput
          type="number"
          inputmode="numeric"
          formControlName="season"
          required
          data-testid="campaign-season"
        />
        @if (form.controls.season.hasError('required')) {
          <mat-error>{{ 'validation.required' | translate }}</mat-error>
        } @else if (
          form.controls.season.hasError('min') ||
          form.controls.season.hasError('max')
        ) {
          <mat-error>{{ 'campaigns.seasonRange' | translate }}</mat-error>
        } @else if (form.controls.season.hasError('server')) {
          <mat-error>{{ form.controls.season.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'campaigns.fields.notes' | translate }}</mat-label>
        <textarea matInput rows="2" formControlName="notes"></textarea>
        @if (form.controls.notes.hasError('server')) {
          <mat-error>{{ form.controls.notes.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <moi-form-error [message]="error()" />
      <div class="moi-form-actions">
        <button
          matButton="filled"
          type="submit"
          [disabled]="sending()"
          data-testid="campaign-save"
        >
          {{ (campaign() ? 'common.save' : 'campaigns.create') | translate }}
        </button>
        <button matButton type="button" (click)="cancelled.emit()">
          {{ 'common.cancel' | translate }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignFormComponent implements OnInit {
  private readonly service = inject(CampaignsService);

  readonly employerId = input.required<string>();
  readonly campaign = input<CampaignResponse | null>(null);
  readonly saved = output<CampaignResponse>();
  readonly cancelled = output<void>();

  protected readonly sending = signal(false);
  protected readonly error = signal<TranslatableMessage | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    season: [
      new Date().getFullYear() + 1,
      [
        Validators.required,
        Validators.min(MIN_SEASON),
        Validators.max(MAX_SEASON),
      ],
    ],
    notes: ['', Validators.maxLength(2000)],
  });

  ngOnInit(): void {
    const campaign = this.campaign();
    if (campaign) {
      this.form.setValue({
        name: campaign.name,
        season: campaign.season,
        notes: campaign.notes ?? '',
      });
    }
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    this.error.set(null);
    if (this.form.invalid || this.sending()) {
      return;
    }
    const value = this.form.getRawValue();
    const request = {
      name: value.name.trim(),
      season: Number(value.season),
      notes: value.notes.trim() || null,
    };
    const campaign = this.campaign();
    const call: Observable<CampaignResponse> = campaign
      ? this.service.update(this.employerId(), campaign.id, request)
      : this.service.create(this.employerId(), request);
    this.sending.set(true);
    call.pipe(finalize(() => this.sending.set(false))).subscribe({
      next: (saved) => this.saved.emit(saved),
      error: (error: unknown) => {
        if (!applyServerErrors(this.form, error)) {
          this.error.set(describeFormError(error));
        }
      },
    });
  }
}
