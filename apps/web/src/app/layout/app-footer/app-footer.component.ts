import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SystemStatusStore } from '../../features/system-status/system-status.store';

/** Product name, the link to the status page and the version reported by the API. */
@Component({
  selector: 'moi-app-footer',
  imports: [RouterLink, TranslatePipe],
  template: `
    <footer class="bar">
      <span
        >{{ 'app.name' | translate }} · {{ 'footer.tagline' | translate }}</span
      >
      <a routerLink="/status" data-testid="footer-status">{{
        'nav.status' | translate
      }}</a>
      <span data-testid="app-version">
        @if (store.version(); as version) {
          {{ 'footer.version' | translate: { version } }}
        } @else {
          {{ 'footer.versionUnknown' | translate }}
        }
      </span>
    </footer>
  `,
  styles: `
    :host {
      display: block;
      border-top: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    a {
      color: inherit;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 16px;
      max-width: 1040px;
      margin: 0 auto;
      padding: 16px;
      box-sizing: border-box;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppFooterComponent {
  protected readonly store = inject(SystemStatusStore);

  constructor() {
    this.store.loadOnce();
  }
}
