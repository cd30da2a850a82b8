import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session.store';
import { EmployersService } from '../../employers/employers.service';

/** `/firm/employers/<id>/dossiers...`: the pages where firm staff act for the employer. */
const ACTING_PATH = /^\/firm\/employers\/([^/?#]+)\/dossiers(?:[/?#]|$)/;

/** The employer whose own pages an address opens for firm staff, if any. */
export function actingEmployerId(url: string): string | null {
  const match = ACTING_PATH.exec(url);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * "Vous agissez pour <employeur>" above the employer's dossier pages when firm staff open them:
 * what they record there is done for the employer, and the audit log keeps their own name.
 */
@Component({
  selector: 'moi-acting-for-banner',
  imports: [RouterLink, TranslatePipe],
  template: `
    @if (banner(); as shown) {
      <div class="banner moi-no-print" role="status" data-testid="acting-for">
        <span
          >{{ 'firmConsole.actingFor.text' | translate: { name: shown.name } }}
          <span class="moi-muted">{{
            'firmConsole.actingFor.audit' | translate
          }}</span></span
        >
        <span class="links">
          <a [routerLink]="['/firm/employers', shown.id]">{{
            'firmConsole.actingFor.employer' | translate
          }}</a>
          <a routerLink="/firm/overview">{{
            'firmConsole.actingFor.back' | translate
          }}</a>
        </span>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 16px;
      margin: 0 0 12px;
      padding: 8px 16px;
      border-left: 4px solid var(--moi-wheat);
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
    }
    .links {
      display: flex;
      gap: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActingForBannerComponent {
  private readonly session = inject(SessionStore);
  private readonly employers = inject(EmployersService);
  private readonly router = inject(Router);

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
      startWith(this.router.url),
    ),
    { initialValue: this.router.url },
  );

  private readonly employerId = computed(() =>
    this.session.isFirm() ? actingEmployerId(this.url()) : null,
  );

  private readonly employer = toSignal(
    toObservable(this.employerId).pipe(
      switchMap((id) =>
        id
          ? this.employers.get(id).pipe(
              map((employer) => ({ id, name: employer.legalName })),
              // A missing employer: the page itself says "not found".
              catchError(() => of(null)),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );

  protected readonly banner = computed(() => {
    const employer = this.employer();
    return employer && employer.id === this.employerId() ? employer : null;
  });
}
