import { EnvironmentProviders, Injectable, Provider } from '@angular/core';
import {
  TranslateLoader,
  TranslationObject,
  provideTranslateLoader,
} from '@ngx-translate/core';
import { Observable, of } from 'rxjs';
import en from '../../public/i18n/en.json';
import fr from '../../public/i18n/fr.json';
import { provideAppI18n } from '../app/core/i18n/provide-app-i18n';

/** The real translation files, served without HTTP. */
@Injectable()
class BundledTranslationsLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(lang === 'en' ? en : fr);
  }
}

/** The app's i18n wiring (initializer, <html lang>, localStorage) with the real FR/EN texts. */
export function provideTestI18n(): (Provider | EnvironmentProviders)[] {
  return provideAppI18n({
    loader: provideTranslateLoader(BundledTranslationsLoader),
  });
}

export const translations = { fr, en };
