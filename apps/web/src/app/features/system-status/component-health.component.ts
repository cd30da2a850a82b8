import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { ComponentHealth } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';

/** One line of the status report: name, ok / down, latency, and why it is down. */
@Component({
  selector: 'moi-component-health',
  imports: [DecimalPipe, TranslatePipe],
  templateUrl: './component-health.component.html',
  styleUrl: './component-health.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'listitem',
    '[attr.data-testid]': 'testId()',
    '[attr.data-state]': 'health().status',
    '[class.down]': '!ok()',
  },
})
export class ComponentHealthComponent {
  protected readonly language = inject(LanguageService);

  /** Translation key of the component's name. */
  readonly labelKey = input.required<string>();
  readonly health = input.required<ComponentHealth>();
  readonly testId = input.required<string>();

  protected readonly ok = computed(() => this.health().status === 'ok');
}
