import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { ReminderView } from '@moisson/contract';
import {
  COMPUTED_DEADLINE_NOTICE,
  REMINDER_KIND_LABELS,
} from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { BilingualPipe } from '../dossiers/bilingual.pipe';

/** The dossier page of a reminder: the employer's own path, or the firm's view of that employer. */
export function reminderDossierLink(
  view: Pick<ReminderView, 'employer' | 'dossier'>,
  firm: boolean,
): string[] {
  return firm
    ? ['/firm/employers', view.employer.id, 'dossiers', view.dossier.id]
    : ['/dossiers', view.dossier.id];
}

/**
 * What a reminder is about, as the notification centre, the outbox and a dossier's history show
 * it: its kind (and "urgent"), the worker (a link to the dossier), the employer, the date it is
 * about with the "computed - to be checked by the firm" notice for legal dates, the days waited.
 */
@Component({
  selector: 'moi-reminder-summary',
  imports: [BilingualPipe, ParisDatePipe, RouterLink, TranslatePipe],
  template: `
    @let view = reminder();
    @let lang = language.current();
    <div class="head">
      <strong class="kind" data-testid="reminder-kind">{{
        kindLabels[view.kind] | moiBilingual: lang
      }}</strong>
      @if (view.urgent) {
        <span class="moi-badge urgent" data-testid="reminder-urgent">{{
          'reminders.urgent' | translate
        }}</span>
      }
    </div>
    @if (showWorker()) {
      <div class="who">
        <a [routerLink]="dossierLink()" data-testid="reminder-worker">{{
          view.dossier.workerName
        }}</a>
        @if (showEmployer()) {
          <span class="moi-muted"> · {{ view.employer.legalName }}</span>
        }
      </div>
    }
    @if (view.deadline; as deadline) {
      <div data-testid="reminder-deadline">
        {{ deadline.label | moiBilingual: lang }} :
        <strong>{{ deadline.date | moiParisDate }}</strong>
        @if (deadline.legal) {
          <span class="notice" data-testid="reminder-notice">
            ({{ notice | moiBilingual: lang }})</span
          >
        }
      </div>
    }
    @if (view.daysWaited !== null) {
      <div data-testid="reminder-waited">
        {{ 'reminders.daysWaited' | translate: { days: view.daysWaited } }}
      </div>
    }
    <div class="moi-muted due">
      {{
        'reminders.dueOn' | translate: { date: (view.dueDate | moiParisDate) }
      }}
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .urgent {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .notice {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .due {
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderSummaryComponent {
  protected readonly language = inject(LanguageService);
  private readonly session = inject(SessionStore);

  readonly reminder = input.required<ReminderView>();
  readonly showWorker = input(true);
  readonly showEmployer = input(false);

  protected readonly kindLabels = REMINDER_KIND_LABELS;
  protected readonly notice = COMPUTED_DEADLINE_NOTICE;
  protected readonly dossierLink = computed(() =>
    reminderDossierLink(this.reminder(), this.session.isFirm()),
  );
}
