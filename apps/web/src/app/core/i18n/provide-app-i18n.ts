import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import {
  EnvironmentProviders,
  Provider,
  inject,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { provideTranslateHttpLoader } from '@ngx-translate/http-loader';
import { catchError, lastValueFrom, of } from 'rxjs';
import { DEFAULT_LANGUAGE } from './app-language';
import { LanguageService } from './language.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';

/**
 * Runtime translations: `public/i18n/<lang>.json` fetched over HTTP (no rebuild per language),
 * French by default, the stored choice applied before the first render.
 * Tests pass their own `loader` to serve the same JSON files without HTTP.
 */
export function provideAppI18n(
  options: { loader?: Provider } = {},
): (Provider | EnvironmentProviders)[] {
  // French locale data for Angular's number/date pipes (e.g. "1 234" rather than "1,234").
  registerLocaleData(localeFr);
  return [
    provideTranslateService({
      fallbackLang: DEFAULT_LANGUAGE,
      // Relative to <base href>, so it keeps working if the portal is served under a sub-path.
      loader:
        options.loader ??
        provideTranslateHttpLoader({ prefix: 'i18n/', suffix: '.json' }),
    }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideAppInitializer(() =>
      // A missing translation file must not keep the portal from starting: keys are shown instead.
      lastValueFrom(
        inject(LanguageService)
          .restore()
          .pipe(catchError(() => of(null))),
      ),
    ),
  ];
}
