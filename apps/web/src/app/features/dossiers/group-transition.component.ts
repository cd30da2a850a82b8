import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { DossierTransitionRequest } from '@moisson/contract';
import {
  DOSSIER_STATE_LABELS,
  DossierState,
  allowedNextStates,
} from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { BilingualPipe } from './bilingual.pipe';
import { DossiersService } from './dossiers.service';
import { TransitionFormComponent } from './transition-form.component';

/**
 * The same step for several dossiers in the same state ("OFII convoked these 12 workers for
 * 3 June"): all or nothing, the API's refusal names each dossier that cannot move.
 */
@Component({
  selector: 'moi-group-transition',
  imports: [
    BilingualPipe,
    MatButton,
    MatCard,
    MatCardContent,
    TransitionFormComponent,
    TranslatePipe,
  ],
  template: `
    <mat-card appearance="outlined" data-testid="group-transition">
      <mat-card-content>
        <p>
          {{
            'dossiers.group.selected'
              | translate
                : {
                    count: dossierIds().length,
                    state:
                      stateLabels[state()] | moiBilingual: language.current(),
                  }
          }}
        </p>
        @if (target(); as to) {
          <moi-transition-form
            [to]="to"
            [send]="send"
            (done)="finished()"
            (cancelled)="target.set(null)"
          />
        } @else {
          <div class="moi-form-actions">
            @for (next of nextStates(); track next) {
              <button
                matButton="outlined"
                type="button"
                [attr.data-testid]="'group-to-' + next"
                (click)="target.set(next)"
              >
                {{ stateLabels[next] | moiBilingual: language.current() }}
              </button>
            }
          </div>
        }
      </mat-card-content>
    </mat-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupTransitionComponent {
  private readonly service = inject(DossiersService);
  protected readonly language = inject(LanguageService);

  readonly employerId = input.required<string>();
  readonly dossierIds = input.required<string[]>();
  /** The state every selected dossier is in. */
  readonly state = input.required<DossierState>();
  readonly done = output<void>();

  protected readonly stateLabels = DOSSIER_STATE_LABELS;
  protected readonly target = signal<DossierState | null>(null);
  /** Shortage-only moves (DRAFT -> AT_SUBMITTED) are checked by the API per dossier. */
  protected readonly nextStates = computed(() =>
    allowedNextStates(this.state(), { shortageOccupation: true }),
  );

  protected readonly send = (
    request: DossierTransitionRequest,
  ): Observable<unknown> =>
    this.service.groupTransition(this.employerId(), {
      ...request,
      dossierIds: this.dossierIds(),
    });

  protected finished(): void {
    this.target.set(null);
    this.done.emit();
  }
}
