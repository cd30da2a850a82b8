import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  REMINDER_OUTBOX_STATUSES,
  ReminderOutboxItem,
  ReminderOutboxStatus,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { UpperCasePipe } from '@angular/common';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { OutboxStore } from './outbox.store';
import { ReminderSummaryComponent } from './reminder-summary.component';

/**
 * `/firm/reminders` (firm staff): every reminder e-mail, pending, being sent, sent or failed,
 * with "send again" on failed ones; firm admins can also run the sweep now.
 */
@Component({
  selector: 'moi-outbox-page',
  imports: [
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCheckbox,
    MatProgressBar,
    ParisDatePipe,
    ReminderSummaryComponent,
    TranslatePipe,
    UpperCasePipe,
  ],
  providers: [OutboxStore],
  templateUrl: './outbox-page.component.html',
  styleUrl: './outbox-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPageComponent implements OnInit {
  protected readonly store = inject(OutboxStore);
  private readonly session = inject(SessionStore);

  protected readonly filters: readonly (ReminderOutboxStatus | null)[] = [
    null,
    ...REMINDER_OUTBOX_STATUSES,
  ];
  /** Also send the digests now instead of at 07:00 (a demo, a day they must go early). */
  protected readonly sendDigestsNow = signal(false);
  protected readonly canSweep = computed(() =>
    this.session.can('firm.reminders.sweep'),
  );

  ngOnInit(): void {
    this.store.filter(null);
  }

  protected when(item: ReminderOutboxItem): string | null {
    switch (item.status) {
      case 'sent':
        return item.sentAt;
      case 'sending':
        return item.leaseUntil;
      default:
        return item.sendAfter;
    }
  }
}
