import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  AGENDA_ITEM_KINDS,
  AgendaItem,
  AgendaItemKind,
} from '@moisson/contract';
import { COMPUTED_DEADLINE_NOTICE, parseCalendarDate } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { formatParisDate } from '../../../shared/date/paris-date-format';
import { ParisDatePipe } from '../../../shared/date/paris-date.pipe';
import { BilingualPipe } from '../../dossiers/bilingual.pipe';
import { DaysLeftComponent } from '../../../shared/ui/days-left.component';
import {
  AGENDA_HORIZONS,
  AgendaHorizon,
  AgendaMode,
  AgendaStore,
} from './agenda.store';
import { isoWeekNumber } from './calendar-grid';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * `/firm/deadlines` (échéances): the running legal deadlines and OFII appointments of every
 * employer, as a list from today or as a week/month calendar; each computed deadline says it is
 * "calculée - à vérifier par le cabinet".
 */
@Component({
  selector: 'moi-deadlines-page',
  imports: [
    BilingualPipe,
    DaysLeftComponent,
    FormsModule,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ParisDatePipe,
    RouterLink,
    TranslatePipe,
  ],
  providers: [AgendaStore],
  templateUrl: './deadlines-page.component.html',
  styleUrl: './deadlines-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadlinesPageComponent implements OnInit {
  protected readonly store = inject(AgendaStore);
  protected readonly language = inject(LanguageService);

  protected readonly kinds = AGENDA_ITEM_KINDS;
  protected readonly horizons = AGENDA_HORIZONS;
  protected readonly notice = COMPUTED_DEADLINE_NOTICE;
  protected readonly weekdays = WEEKDAYS;

  /** "avril 2026", or "Semaine 14 · du 30/03/2026 au 05/04/2026". */
  protected readonly period = computed((): TranslatableMessage => {
    const lang = this.language.current();
    const { from, to } = this.store.range();
    const dates = { from: formatParisDate(from), to: formatParisDate(to) };
    if (this.store.mode() === 'week') {
      return {
        key: 'firmConsole.deadlines.weekOf',
        params: { week: isoWeekNumber(from), ...dates },
      };
    }
    const { year, month } = parseCalendarDate(this.store.anchor());
    const name = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.UTC(year, month - 1, 1));
    return { key: 'firmConsole.deadlines.month', params: { month: name } };
  });

  ngOnInit(): void {
    this.store.start();
  }

  protected setMode(mode: AgendaMode): void {
    this.store.setMode(mode);
  }

  protected setKinds(kinds: AgendaItemKind[]): void {
    this.store.setFilters({ ...this.store.filters(), kinds });
  }

  protected setHorizon(horizon: AgendaHorizon): void {
    this.store.setFilters({ ...this.store.filters(), horizon });
  }

  protected dossierLink(item: AgendaItem): string[] {
    return ['/firm/employers', item.employer.id, 'dossiers', item.dossier.id];
  }

  /** Everything about an item in one sentence, for the calendar's small entries. */
  protected describe(item: AgendaItem): string {
    const lang = this.language.current();
    const parts = [
      item.label[lang],
      item.dossier.workerName,
      item.employer.legalName,
    ];
    if (item.place) parts.push(item.place);
    if (item.notice) parts.push(item.notice[lang]);
    return parts.join(' · ');
  }
}
