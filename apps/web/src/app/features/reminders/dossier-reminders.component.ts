import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { DossierReminderHistory } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { OfficeNamePipe } from './office-name.pipe';
import { ReminderSummaryComponent } from './reminder-summary.component';
import { RemindersService } from './reminders.service';

type HistoryState =
  | { kind: 'loading' }
  | { kind: 'ready'; history: DossierReminderHistory }
  | { kind: 'failed'; message: TranslatableMessage };

/**
 * The "Rappels" card of a dossier page: every reminder of the dossier with each e-mail sent for
 * it (to whom, when, or why not), and the OFII follow-ups recorded as sent.
 */
@Component({
  selector: 'moi-dossier-reminders',
  imports: [
    MatCard,
    MatCardContent,
    MatProgressBar,
    OfficeNamePipe,
    ParisDatePipe,
    ReminderSummaryComponent,
    TranslatePipe,
  ],
  template: `
    <mat-card appearance="outlined" data-testid="dossier-reminders">
      <mat-card-content>
        <h2 class="moi-section-title">
          {{ 'reminders.history.title' | translate }}
        </h2>
        @let current = state();
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
          @let history = current.history;
          @if (history.relances.length > 0) {
            <ul class="moi-plain-list relances" data-testid="dossier-relances">
              @for (relance of history.relances; track relance.confirmedAt) {
                <li data-testid="dossier-relance">
                  {{
                    'reminders.history.relance'
                      | translate
                        : {
                            date:
                              (relance.confirmedAt | moiParisDate: 'dateTime'),
                            office: (relance.ofiiOffice | moiOfficeName),
                          }
                  }}
                </li>
              }
            </ul>
          }
          @if (history.reminders.length === 0) {
            <p class="moi-muted" data-testid="dossier-reminders-empty">
              {{ 'reminders.history.empty' | translate }}
            </p>
          } @else {
            <ul class="moi-plain-list reminders">
              @for (reminder of history.reminders; track reminder.key) {
                <li
                  data-testid="dossier-reminder"
                  [attr.data-kind]="reminder.kind"
                >
                  <moi-reminder-summary
                    [reminder]="reminder"
                    [showWorker]="false"
                  />
                  <ul class="deliveries">
                    @for (delivery of reminder.deliveries; track delivery.id) {
                      <li data-testid="dossier-reminder-delivery">
                        <span class="recipient">{{ delivery.recipient }}</span>
                        —
                        {{
                          'reminders.delivery.' + delivery.status
                            | translate
                              : {
                                  date:
                                    (delivery.sentAt ?? delivery.sendAfter
                                    | moiParisDate: 'dateTime'),
                                }
                        }}
                        @if (delivery.lastError && delivery.status !== 'sent') {
                          <span class="error-text">{{
                            delivery.lastError
                          }}</span>
                        }
                      </li>
                    }
                  </ul>
                </li>
              }
            </ul>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .relances li {
      padding: 6px 10px;
      margin-bottom: 6px;
      border-radius: 6px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .reminders > li {
      display: block;
      padding: 8px 0 8px 12px;
      border-bottom: none;
      border-left: 3px solid var(--moi-wheat, #f3d27a);
      margin-bottom: 8px;
    }
    .deliveries {
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .deliveries li {
      padding: 2px 0;
    }
    .recipient {
      color: var(--mat-sys-on-surface);
    }
    .error-text {
      display: block;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DossierRemindersComponent {
  private readonly service = inject(RemindersService);

  readonly employerId = input.required<string | null>();
  readonly dossierId = input.required<string>();
  /** Read again when it changes (e.g. the dossier's state, after a step). */
  readonly refreshKey = input<unknown>(null);

  protected readonly state = signal<HistoryState>({ kind: 'loading' });
  private request: Subscription | null = null;

  constructor() {
    effect(() => {
      const employerId = this.employerId();
      const dossierId = this.dossierId();
      this.refreshKey();
      untracked(() => this.load(employerId, dossierId));
    });
  }

  private load(employerId: string | null, dossierId: string): void {
    this.request?.unsubscribe();
    if (!employerId) {
      return;
    }
    this.state.set({ kind: 'loading' });
    this.request = this.service
      .dossierHistory(employerId, dossierId)
      .subscribe({
        next: (history) => this.state.set({ kind: 'ready', history }),
        error: (error: unknown) =>
          this.state.set({ kind: 'failed', message: describeError(error) }),
      });
  }
}
