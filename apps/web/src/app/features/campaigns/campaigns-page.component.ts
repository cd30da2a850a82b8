import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CampaignResponse } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { CampaignFormComponent } from './campaign-form.component';
import { CampaignsStore } from './campaigns.store';

/** `/campagnes`: the employer's campaigns with their dossier counts; create and edit. */
@Component({
  selector: 'moi-campaigns-page',
  imports: [
    CampaignFormComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatProgressBar,
    RouterLink,
    TranslatePipe,
  ],
  providers: [CampaignsStore],
  templateUrl: './campaigns-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignsPageComponent implements OnInit {
  protected readonly store = inject(CampaignsStore);
  protected readonly session = inject(SessionStore);

  protected readonly employerId = computed(
    () => this.session.user()?.employerId ?? null,
  );
  protected readonly canWrite = computed(() =>
    this.session.can('employer.dossiers.write'),
  );
  /** 'new', the id of the campaign being edited, or null. */
  protected readonly editing = signal<string | null>(null);

  ngOnInit(): void {
    const employerId = this.employerId();
    if (employerId) {
      this.store.load(employerId);
    }
  }

  protected saved(campaign: CampaignResponse): void {
    this.store.saved(campaign);
    this.editing.set(null);
  }
}
