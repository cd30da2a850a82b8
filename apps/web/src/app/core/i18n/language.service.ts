import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import {
  APP_LANGUAGES,
  AppLanguage,
  DEFAULT_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  isAppLanguage,
} from './app-language';

/**
 * The language of the interface, switchable at runtime.
 * The choice is remembered in localStorage and mirrored in `<html lang>`.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);

  private readonly currentLanguage = signal<AppLanguage>(DEFAULT_LANGUAGE);

  readonly languages = APP_LANGUAGES;
  readonly current = this.currentLanguage.asReadonly();

  /** Applies the stored language (or French); resolves once its translations are loaded. */
  restore(): Observable<unknown> {
    this.translate.addLangs([...APP_LANGUAGES]);
    return this.apply(this.readStoredLanguage() ?? DEFAULT_LANGUAGE);
  }

  /** Switches the interface to `language` and remembers the choice. */
  use(language: AppLanguage): void {
    this.writeStoredLanguage(language);
    this.apply(language).subscribe({
      // The previous texts stay on screen; nothing else to do when a translation file cannot load.
      error: () => undefined,
    });
  }

  private apply(language: AppLanguage): Observable<unknown> {
    this.currentLanguage.set(language);
    this.document.documentElement.lang = language;
    return this.translate.use(language);
  }

  private readStoredLanguage(): AppLanguage | null {
    try {
      const stored =
        this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isAppLanguage(stored) ? stored : null;
    } catch {
      // Storage can be disabled (private browsing, strict cookie settings): fall back to the default.
      return null;
    }
  }

  private writeStoredLanguage(language: AppLanguage): void {
    try {
      this.document.defaultView?.localStorage.setItem(
        LANGUAGE_STORAGE_KEY,
        language,
      );
    } catch {
      // Not remembering the choice is acceptable; the switch itself still works.
    }
  }
}
