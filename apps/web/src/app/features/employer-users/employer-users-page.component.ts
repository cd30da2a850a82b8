import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { EmployerUsersComponent } from './employer-users.component';

/** `/employer/users`: the owner of an employer manages the people of their own farm. */
@Component({
  selector: 'moi-employer-users-page',
  imports: [
    EmployerUsersComponent,
    MatCard,
    MatCardContent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    @if (session.user(); as user) {
      <h1 class="moi-page-title">{{ 'users.page.title' | translate }}</h1>
      @if (user.employerId) {
        <p class="moi-muted" data-testid="employer-name">
          {{ user.employerName }}
        </p>
        <mat-card appearance="outlined">
          <mat-card-content>
            <moi-employer-users
              [employerId]="user.employerId"
              [canManage]="session.can('employer.users.manage')"
              [showTitle]="false"
            />
          </mat-card-content>
        </mat-card>
      } @else {
        <p>
          {{ 'users.page.firmHint' | translate }}
          <a routerLink="/firm/employers">{{ 'nav.employers' | translate }}</a>
        </p>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerUsersPageComponent {
  protected readonly session = inject(SessionStore);
}
