import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription, timer } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { NotificationsStore } from './notifications.store';

/** The bell asks again this often while the user is signed in. */
export const NOTIFICATIONS_REFRESH_MS = 5 * 60 * 1000;
/**
 * The first count is asked this long after signing in (or opening the portal), once the page's
 * own requests have gone: the number is a hint, the page comes first.
 */
export const NOTIFICATIONS_FIRST_LOAD_MS = 1500;

/**
 * The header's bell: a link to the notification centre with the number of reminders not sent
 * yet; only for a signed-in user.
 */
@Component({
  selector: 'moi-notification-bell',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    @if (session.signedIn()) {
      <a
        class="bell"
        routerLink="/notifications"
        routerLinkActive="active"
        ariaCurrentWhenActive="page"
        data-testid="notification-bell"
        [attr.aria-label]="
          (count() ? 'reminders.bell.labelWithCount' : 'reminders.bell.label')
            | translate: { count: count() }
        "
        [attr.title]="'reminders.bell.label' | translate"
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M6 17V11a6 6 0 0 1 12 0v6l1.5 2h-15L6 17Zm4 3.5a2 2 0 0 0 4 0"
          />
        </svg>
        @if (count(); as count) {
          <span class="count" data-testid="notification-count">{{
            count > 99 ? '99+' : count
          }}</span>
        }
      </a>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      color: inherit;
    }
    .bell:hover,
    .bell.active {
      background: color-mix(in srgb, currentColor 12%, transparent);
    }
    .bell:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
    svg {
      width: 24px;
      height: 24px;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .count {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error, #b3261e);
      color: var(--mat-sys-on-error, #fff);
      font: 600 11px/18px var(--mat-sys-body-small-font, sans-serif);
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBellComponent {
  protected readonly session = inject(SessionStore);
  private readonly store = inject(NotificationsStore);
  private polling: Subscription | null = null;

  protected readonly count = computed(() => this.store.pendingCount() ?? 0);

  constructor() {
    effect(() => {
      const signedIn = this.session.signedIn();
      const userId = this.session.user()?.id;
      untracked(() => {
        this.polling?.unsubscribe();
        this.polling = null;
        if (signedIn && userId) {
          this.polling = timer(
            NOTIFICATIONS_FIRST_LOAD_MS,
            NOTIFICATIONS_REFRESH_MS,
          ).subscribe(() => this.store.load());
        } else {
          this.store.reset();
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }
}
