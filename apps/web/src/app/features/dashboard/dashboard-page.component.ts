import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
} from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { DOSSIER_STAGE_LABELS, DOSSIER_STATE_LABELS } from '@moisson/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { BilingualPipe } from '../dossiers/bilingual.pipe';
import { DeadlineCountdownComponent } from '../dossiers/deadline-countdown.component';
import {
  ARRIVAL_STATES,
  CONVOKED_STATES,
  DASHBOARD_STAGES,
  DashboardCount,
  DashboardData,
  DashboardStore,
  REFUSAL_STATES,
} from './dashboard.store';

/** One list tile of the dashboard: its dossiers, title, link to the filtered list and notice. */
interface DashboardTileDefinition {
  key: Exclude<keyof DashboardData, 'stages'>;
  title: string;
  queryParams: Record<string, string | boolean>;
  notice?: string;
}

const DASHBOARD_TILES: readonly DashboardTileDefinition[] = [
  {
    key: 'overdue',
    title: 'dashboard.overdue',
    queryParams: { overdue: true },
  },
  {
    key: 'convoked',
    title: 'dashboard.appointments',
    queryParams: { state: CONVOKED_STATES },
  },
  {
    key: 'refusals',
    title: 'dashboard.refusals',
    queryParams: { state: REFUSAL_STATES },
    notice: 'dashboard.notice',
  },
  {
    key: 'arrivals',
    title: 'dashboard.arrivals',
    queryParams: { state: ARRIVAL_STATES },
  },
];

/** `/tableau-de-bord`: the home of an employer's users; every tile links to the filtered list. */
@Component({
  selector: 'moi-dashboard-page',
  imports: [
    BilingualPipe,
    DeadlineCountdownComponent,
    MatCard,
    MatCardContent,
    MatProgressBar,
    ParisDatePipe,
    RouterLink,
    TranslatePipe,
  ],
  providers: [DashboardStore],
  templateUrl: './dashboard-page.component.html',
  styleUrl: './dashboard-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPageComponent implements OnInit {
  protected readonly store = inject(DashboardStore);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  protected readonly stages = DASHBOARD_STAGES;
  protected readonly stageLabels = DOSSIER_STAGE_LABELS;
  protected readonly stateLabels = DOSSIER_STATE_LABELS;
  protected readonly tiles = DASHBOARD_TILES;

  ngOnInit(): void {
    const employerId = this.session.user()?.employerId;
    if (employerId) {
      this.store.load(employerId);
    }
  }

  protected countText(count: DashboardCount): string {
    return count.more ? `${count.count}+` : String(count.count);
  }
}
