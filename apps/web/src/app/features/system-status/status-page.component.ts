import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { ComponentHealthComponent } from './component-health.component';
import { SystemStatusStore } from './system-status.store';

/** `/status`: are the API, Postgres, Redis and the worker answering? */
@Component({
  selector: 'moi-status-page',
  imports: [
    ComponentHealthComponent,
    DecimalPipe,
    MatButton,
    MatCard,
    MatCardContent,
    MatProgressBar,
    ParisDatePipe,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './status-page.component.html',
  styleUrl: './status-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusPageComponent implements OnInit {
  protected readonly store = inject(SystemStatusStore);
  protected readonly language = inject(LanguageService);

  protected readonly components = [
    { name: 'api', labelKey: 'status.components.api', testId: 'status-api' },
    {
      name: 'database',
      labelKey: 'status.components.database',
      testId: 'status-database',
    },
    {
      name: 'redis',
      labelKey: 'status.components.redis',
      testId: 'status-redis',
    },
  ] as const;

  protected readonly probe = this.store.workerProbe;

  protected readonly summaryKey = computed(() =>
    this.store.health()?.status === 'ok'
      ? 'status.summary.ok'
      : 'status.summary.degraded',
  );

  ngOnInit(): void {
    this.store.refresh();
  }
}
