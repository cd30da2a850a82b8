import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DeadlineView } from '@moisson/contract';
import { DaysLeftComponent } from '../../shared/ui/days-left.component';

/** A dossier deadline's countdown ("J-12"), with its date for screen readers. */
@Component({
  selector: 'moi-deadline-countdown',
  imports: [DaysLeftComponent],
  template: `<moi-days-left
    testId="deadline-countdown"
    [daysLeft]="deadline().daysLeft"
    [date]="deadline().dueDate"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadlineCountdownComponent {
  readonly deadline = input.required<DeadlineView>();
}
