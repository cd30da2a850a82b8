import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
} from '@angular/core';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { NotificationItem, ReminderOutboxStatus } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { NotificationsStore } from './notifications.store';
import { ReminderSummaryComponent } from './reminder-summary.component';

/** The filters of the centre: everything, or one delivery status. */
export const NOTIFICATION_FILTERS: readonly (ReminderOutboxStatus | null)[] = [
  null,
  'pending',
  'sent',
  'failed',
];

/**
 * `/notifications` (centre de notifications): the reminders addressed to the signed-in user,
 * urgent ones marked, each with when its e-mail goes (or went) out.
 */
@Component({
  selector: 'moi-notifications-page',
  imports: [
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
    ReminderSummaryComponent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <div class="moi-page-header">
      <div>
        <h1 class="moi-page-title">
          {{ 'reminders.notifications.title' | translate }}
        </h1>
        <p class="moi-muted moi-subtitle">
          {{ 'reminders.notifications.intro' | translate }}
        </p>
      </div>
      @if (settingsLink(); as link) {
        <a [routerLink]="link" data-testid="notifications-settings">{{
          'reminders.notifications.settingsLink' | translate
        }}</a>
      }
    </div>

    <mat-button-toggle-group
      class="filters"
      hideSingleSelectionIndicator
      [value]="store.status()"
      [attr.aria-label]="'reminders.notifications.filter' | translate"
      (change)="store.filter($event.value)"
    >
      @for (filter of filters; track filter) {
        <mat-button-toggle
          [value]="filter"
          [attr.data-testid]="'notifications-filter-' + (filter ?? 'all')"
          >{{
            'reminders.statusFilter.' + (filter ?? 'all') | translate
          }}</mat-button-toggle
        >
      }
    </mat-button-toggle-group>

    <div class="moi-progress-slot">
      @if (store.loading()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="'common.loading' | translate"
        />
      }
    </div>
    @if (store.error(); as error) {
      <p class="moi-alert moi-alert-error" role="alert">
        {{ error.key | translate: error.params }}
      </p>
    }
    @if (store.loaded()) {
      <p class="moi-status-line" data-testid="notifications-summary">
        {{
          'reminders.notifications.summary'
            | translate
              : {
                  pending: store.pendingCount() ?? 0,
                  urgent: store.urgentCount(),
                }
        }}
      </p>
      @if (store.items().length === 0) {
        <p class="moi-empty" data-testid="notifications-empty">
          {{ 'reminders.notifications.empty' | translate }}
        </p>
      } @else {
        <ul class="moi-plain-list list" data-testid="notifications">
          @for (item of store.items(); track item.id) {
            <li
              data-testid="notification"
              [attr.data-kind]="item.kind"
              [attr.data-status]="item.status"
              [class.urgent]="item.urgent"
            >
              <moi-reminder-summary
                [reminder]="item"
                [showEmployer]="session.isFirm()"
              />
              <div
                class="delivery"
                [class]="'status-' + item.status"
                data-testid="notification-delivery"
              >
                {{ deliveryKey(item) | translate: deliveryParams(item) }}
              </div>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .filters {
      max-width: 100%;
      margin: 8px 0 12px;
      overflow-x: auto;
    }
    .list > li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 4px 16px;
      padding: 12px 0 12px 12px;
      border-left: 3px solid var(--moi-wheat, #f3d27a);
      margin-bottom: 8px;
    }
    .list > li.urgent {
      border-left-color: var(--mat-sys-error);
    }
    .delivery {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      text-align: right;
    }
    .delivery.status-failed {
      color: var(--mat-sys-error);
    }
    @media (max-width: 599px) {
      .list > li {
        grid-template-columns: minmax(0, 1fr);
      }
      .delivery {
        text-align: left;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPageComponent implements OnInit {
  protected readonly store = inject(NotificationsStore);
  protected readonly session = inject(SessionStore);
  private readonly date = new ParisDatePipe();

  protected readonly filters = NOTIFICATION_FILTERS;

  /** Owners change their employer's settings; firm admins do it from the employer's page. */
  protected readonly settingsLink = computed(() =>
    !this.session.isFirm() && this.session.can('employer.reminders.settings')
      ? '/employer/reminders'
      : null,
  );

  ngOnInit(): void {
    this.store.load();
  }

  protected deliveryKey(item: NotificationItem): string {
    return `reminders.delivery.${item.status}`;
  }

  protected deliveryParams(item: NotificationItem): Record<string, string> {
    return {
      date: this.date.transform(
        item.status === 'sent' ? item.sentAt : item.sendAfter,
        'dateTime',
      ),
    };
  }
}
