import { Injectable, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { finalize } from 'rxjs';
import { SIGN_IN_PATH } from './auth-navigation';
import { AuthService } from './auth.service';
import { SessionStore } from './session.store';

/** "Déconnexion": ends the session on the API, forgets it here and shows the sign-in page. */
@Injectable({ providedIn: 'root' })
export class SignOutService {
  private readonly auth = inject(AuthService);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  private readonly pending = signal(false);
  readonly signingOut = this.pending.asReadonly();

  signOut(): void {
    if (this.pending()) {
      return;
    }
    this.pending.set(true);
    this.auth
      .logout()
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        // Even if the API could not be told, nothing of the session stays in this tab.
        next: () => this.leave(),
        error: () => this.leave(),
      });
  }

  private leave(): void {
    this.session.clear();
    void this.router.navigateByUrl(SIGN_IN_PATH);
  }
}
