import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { AppLanguage } from '../../core/i18n/app-language';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * FR | EN switch; the choice applies at once and is remembered. A radio group of two buttons (arrow
 * keys move the choice, as in any radio group), written here rather than with MatButtonToggle:
 * that one implements a form control and pulled @angular/forms (42 kB) into the first download of
 * every page, since the header is on all of them. The look comes from the header's
 * --mat-button-toggle-* properties.
 */
@Component({
  selector: 'moi-language-switch',
  imports: [TranslatePipe],
  template: `
    <span
      class="group"
      role="radiogroup"
      [attr.aria-label]="'language.label' | translate"
    >
      @for (code of language.languages; track code) {
        <span class="option" [attr.data-testid]="'language-' + code">
          <button
            type="button"
            role="radio"
            [class.selected]="code === language.current()"
            [attr.aria-checked]="code === language.current()"
            [attr.tabindex]="code === language.current() ? 0 : -1"
            [attr.lang]="code"
            [attr.aria-label]="'language.names.' + code | translate"
            (click)="language.use(code)"
            (keydown)="onKeydown($event)"
          >
            {{ 'language.short.' + code | translate }}
          </button>
        </span>
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .group {
      display: inline-flex;
      border: 1px solid
        var(--mat-button-toggle-divider-color, var(--mat-sys-outline));
      border-radius: var(--mat-button-toggle-shape, 9999px);
      overflow: hidden;
    }
    .option + .option button {
      border-left: 1px solid
        var(--mat-button-toggle-divider-color, var(--mat-sys-outline));
    }
    button {
      min-width: 44px;
      height: 36px;
      padding: 0 12px;
      border: 0;
      margin: 0;
      font: var(--mat-sys-label-large);
      cursor: pointer;
      color: var(--mat-button-toggle-text-color, var(--mat-sys-on-surface));
      background: var(--mat-button-toggle-background-color, transparent);
    }
    button.selected {
      color: var(
        --mat-button-toggle-selected-state-text-color,
        var(--mat-sys-on-secondary-container)
      );
      background: var(
        --mat-button-toggle-selected-state-background-color,
        var(--mat-sys-secondary-container)
      );
    }
    button:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: -4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitchComponent {
  protected readonly language = inject(LanguageService);

  /** Arrow keys choose the next or previous language and move the focus to it. */
  protected onKeydown(event: KeyboardEvent): void {
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0) return;
    event.preventDefault();
    const languages: readonly AppLanguage[] = this.language.languages;
    const at = languages.indexOf(this.language.current());
    const next = languages[(at + step + languages.length) % languages.length];
    this.language.use(next);
    const group = (event.currentTarget as HTMLElement).closest(
      '[role="radiogroup"]',
    );
    queueMicrotask(() =>
      group
        ?.querySelector<HTMLButtonElement>(`button[lang="${next}"]`)
        ?.focus(),
    );
  }
}
