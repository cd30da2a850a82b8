import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { DeadlineView } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';

/** "J-12" for a deadline 12 days away (J0 on the day, "J+3" once passed), with its date for screen readers. */
@Component({
  selector: 'moi-deadline-countdown',
  imports: [ParisDatePipe, TranslatePipe],
  template: `
    @let view = deadline();
    <span
      class="countdown"
      [class.urgent]="view.daysLeft <= 7"
      [class.passed]="view.daysLeft < 0"
      data-testid="deadline-countdown"
      [attr.title]="
        'dossiers.deadline.dueOn'
          | translate: { date: (view.dueDate | moiParisDate) }
      "
      >{{ text() }}</span
    >
  `,
  styles: `
    .countdown {
      display: inline-block;
      padding: 0 6px;
      border-radius: 4px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .urgent {
      background: var(--moi-wheat);
      color: #3b2f00;
    }
    .passed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadlineCountdownComponent {
  readonly deadline = input.required<DeadlineView>();

  protected readonly text = computed(() => {
    const days = this.deadline().daysLeft;
    return days > 0 ? `J-${days}` : days === 0 ? 'J0' : `J+${-days}`;
  });
}
