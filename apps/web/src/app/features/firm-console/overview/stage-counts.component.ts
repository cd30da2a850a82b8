import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import {
  DOSSIER_STAGE_LABELS,
  DOSSIER_STAGES,
  DossierStage,
} from '@moisson/domain';
import { LanguageService } from '../../../core/i18n/language.service';

/** The employer's dossiers per stage, compact: only the stages that hold some ("OFII 3 · Visa 1"). */
@Component({
  selector: 'moi-stage-counts',
  template: `<ul class="counts" [attr.aria-label]="label()">
    @for (count of counts(); track count.stage) {
      <li class="chip" [attr.data-stage]="count.stage">
        {{ count.label }} <strong>{{ count.count }}</strong>
      </li>
    }
  </ul>`,
  styles: `
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
    }
    .chip {
      padding: 0 6px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .chip[data-stage='ofii'],
    .chip[data-stage='work_permit'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .chip[data-stage='visa'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .chip[data-stage='appeals'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .chip[data-stage='arrival'],
    .chip[data-stage='residence'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageCountsComponent {
  private readonly language = inject(LanguageService);

  readonly byStage = input.required<Record<DossierStage, number>>();
  /** Read by screen readers before the counts. */
  readonly label = input('');

  protected readonly counts = computed(() => {
    const lang = this.language.current();
    const byStage = this.byStage();
    return DOSSIER_STAGES.filter(
      (stage) => stage !== 'ended' && (byStage[stage] ?? 0) > 0,
    ).map((stage) => ({
      stage,
      count: byStage[stage],
      label: DOSSIER_STAGE_LABELS[stage][lang],
    }));
  });
}
