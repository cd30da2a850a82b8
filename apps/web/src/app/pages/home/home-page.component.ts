import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
} from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { roleHome, SIGN_IN_PATH } from '../../core/auth/auth-navigation';
import { SessionStore } from '../../core/auth/session.store';

/**
 * `/`: what Moisson is for and how to get in. A signed-in user has nothing to do here and goes on to
 * the home of their role (the employer dashboard, or the firm's employers overview) as soon as the
 * session is known; the page itself sends no request.
 */
@Component({
  selector: 'moi-home-page',
  imports: [MatAnchor, MatCard, MatCardContent, RouterLink, TranslatePipe],
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly signInPath = SIGN_IN_PATH;
  protected readonly points = [
    'home.points.documents',
    'home.points.progress',
    'home.points.deadlines',
    'home.points.firm',
  ];

  constructor() {
    effect(() => {
      const user = this.session.user();
      if (user && this.session.signedIn())
        void this.router.navigateByUrl(roleHome(user), { replaceUrl: true });
    });
  }
}
