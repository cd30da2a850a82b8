import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { roleHome } from '../../core/auth/auth-navigation';
import { SessionStore } from '../../core/auth/session.store';

/**
 * A page that does not exist, or that the reader may not open: the portal does not tell which,
 * as the API answers 404 for what is not yours.
 */
@Component({
  selector: 'moi-not-found-page',
  imports: [MatAnchor, RouterLink, TranslatePipe],
  template: `
    <h1 class="moi-page-title" data-testid="not-found">
      {{ 'notFound.title' | translate }}
    </h1>
    <p>{{ 'notFound.explain' | translate }}</p>
    @let user = session.user();
    <a
      matButton="filled"
      [routerLink]="user && session.signedIn() ? home(user) : '/'"
      >{{ 'notFound.home' | translate }}</a
    >
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {
  protected readonly session = inject(SessionStore);
  protected readonly home = roleHome;
}
