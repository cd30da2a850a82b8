import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { DossierListItem } from '@moisson/contract';
import { DOSSIER_STATE_LABELS } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { BilingualPipe } from './bilingual.pipe';
import { DossiersService } from './dossiers.service';

/**
 * The worker's other dossiers, one per season (returning workers are the rule): season, state and
 * planned start, each opening its dossier. Nothing is shown for a first season.
 */
@Component({
  selector: 'moi-worker-seasons',
  imports: [BilingualPipe, ParisDatePipe, RouterLink, TranslatePipe],
  template: `
    @if (others().length > 0) {
      <h3 class="title">
        {{ 'dossiers.detail.otherSeasons' | translate }}
      </h3>
      <ul class="moi-plain-list seasons" data-testid="worker-seasons">
        @for (dossier of others(); track dossier.id) {
          <li data-testid="worker-season">
            <a [routerLink]="[basePath(), dossier.id]">{{ dossier.season }}</a
            ><span
              >{{ ' · '
              }}{{
                stateLabels[dossier.state] | moiBilingual: language.current()
              }}</span
            ><span class="moi-muted"
              >{{ ' · '
              }}{{
                'dossiers.detail.plannedFrom'
                  | translate: { date: (dossier.plannedStart | moiParisDate) }
              }}</span
            >
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .title {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-small);
    }
    .seasons li {
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkerSeasonsComponent {
  private readonly service = inject(DossiersService);
  protected readonly language = inject(LanguageService);

  readonly employerId = input.required<string>();
  readonly workerId = input.required<string>();
  readonly dossierId = input.required<string>();
  readonly basePath = input.required<string>();

  protected readonly stateLabels = DOSSIER_STATE_LABELS;
  private readonly dossiers = signal<DossierListItem[]>([]);
  protected readonly others = computed(() =>
    this.dossiers().filter((d) => d.id !== this.dossierId()),
  );

  constructor() {
    effect((onCleanup) => {
      const subscription = this.service
        .list(this.employerId(), {
          workerId: this.workerId(),
          sort: 'plannedStart',
          limit: 50,
        })
        .subscribe({
          next: (page) => this.dossiers.set(page.items),
          // A side list: when it fails, the dossier page shows without it.
          error: () => this.dossiers.set([]),
        });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
