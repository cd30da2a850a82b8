import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { Router, RouterLink } from '@angular/router';
import { EmployerResponse } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { EmployerFormComponent } from './employer-form.component';

/** Navigation state telling the employer page it was just created. */
export const EMPLOYER_CREATED_STATE = 'employerCreated';

/** `/firm/employers/new` (firm admins): registers an employer, then opens its page to invite its owner. */
@Component({
  selector: 'moi-employer-new-page',
  imports: [
    EmployerFormComponent,
    MatCard,
    MatCardContent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <p class="moi-breadcrumb">
      <a routerLink="/firm/employers">{{
        'employers.list.title' | translate
      }}</a>
    </p>
    <h1 class="moi-page-title">{{ 'employers.new.title' | translate }}</h1>
    <p class="moi-muted">{{ 'employers.new.intro' | translate }}</p>
    <mat-card appearance="outlined">
      <mat-card-content>
        <moi-employer-form (saved)="created($event)" />
      </mat-card-content>
    </mat-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerNewPageComponent {
  private readonly router = inject(Router);

  protected created(employer: EmployerResponse): void {
    void this.router.navigate(['/firm/employers', employer.id], {
      state: { [EMPLOYER_CREATED_STATE]: true },
    });
  }
}
