import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { TranslatableMessage } from '../../core/i18n/translatable-message';

/** Why a form could not be sent, next to its submit button; read out as soon as it appears. */
@Component({
  selector: 'moi-form-error',
  imports: [TranslatePipe],
  template: `
    <div role="alert" aria-live="assertive">
      @if (message(); as message) {
        <p class="moi-alert moi-alert-error" [attr.data-testid]="testId()">
          {{ message.key | translate: message.params }}
        </p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormErrorComponent {
  readonly message = input<TranslatableMessage | null>(null);
  readonly testId = input('form-error');
}
