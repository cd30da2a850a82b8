import { Injectable, inject, signal } from '@angular/core';
import { CampaignResponse } from '@moisson/contract';
import { finalize } from 'rxjs';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { CampaignsService } from './campaigns.service';

/** The employer's campaigns, newest season first; a saved one replaces its old version. */
@Injectable()
export class CampaignsStore {
  private readonly service = inject(CampaignsService);

  private readonly itemsState = signal<CampaignResponse[]>([]);
  private readonly loadingState = signal(false);
  private readonly errorState = signal<TranslatableMessage | null>(null);

  readonly items = this.itemsState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly error = this.errorState.asReadonly();

  load(employerId: string): void {
    this.loadingState.set(true);
    this.errorState.set(null);
    this.service
      .list(employerId)
      .pipe(finalize(() => this.loadingState.set(false)))
      .subscribe({
        next: (items) => this.itemsState.set(sorted(items)),
        error: (error: unknown) => this.errorState.set(describeError(error)),
      });
  }

  saved(campaign: CampaignResponse): void {
    this.itemsState.update((items) =>
      sorted([...items.filter((item) => item.id !== campaign.id), campaign]),
    );
  }
}

function sorted(items: CampaignResponse[]): CampaignResponse[] {
  return [...items].sort(
    (a, b) => b.season - a.season || a.name.localeCompare(b.name),
  );
}
