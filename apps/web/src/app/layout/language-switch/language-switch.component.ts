import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import { isAppLanguage } from '../../core/i18n/app-language';
import { LanguageService } from '../../core/i18n/language.service';

/** FR | EN toggle; the choice applies at once and is remembered. */
@Component({
  selector: 'moi-language-switch',
  imports: [MatButtonToggleGroup, MatButtonToggle, TranslatePipe],
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [value]="language.current()"
      [attr.aria-label]="'language.label' | translate"
      (change)="switchTo($event.value)"
    >
      @for (code of language.languages; track code) {
        <mat-button-toggle
          [value]="code"
          [attr.data-testid]="'language-' + code"
          [attr.lang]="code"
          [aria-label]="'language.names.' + code | translate"
        >
          {{ 'language.short.' + code | translate }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      --mat-button-toggle-height: 36px;
      display: inline-flex;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitchComponent {
  protected readonly language = inject(LanguageService);

  protected switchTo(value: unknown): void {
    if (isAppLanguage(value)) {
      this.language.use(value);
    }
  }
}
