import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ParisDatePipe } from '../date/paris-date.pipe';

/**
 * "J-12" for a date 12 days away (J0 on the day, "J+3" once passed), highlighted from 7 days
 * away; the date itself in its title, for screen readers too.
 */
@Component({
  selector: 'moi-days-left',
  imports: [ParisDatePipe, TranslatePipe],
  template: `<span
    class="countdown"
    [class.urgent]="daysLeft() <= 7"
    [class.passed]="daysLeft() < 0"
    [attr.data-testid]="testId()"
    [attr.title]="
      'dossiers.deadline.dueOn' | translate: { date: (date() | moiParisDate) }
    "
    >{{ text() }}</span
  >`,
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
export class DaysLeftComponent {
  readonly daysLeft = input.required<number>();
  readonly date = input.required<string>();
  readonly testId = input('days-left');

  protected readonly text = computed(() => {
    const days = this.daysLeft();
    return days > 0 ? `J-${days}` : days === 0 ? 'J0' : `J+${-days}`;
  });
}
