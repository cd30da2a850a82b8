import { Pipe, PipeTransform } from '@angular/core';
import { AppLanguage } from '../../core/i18n/app-language';

/** Countries of the OFII offices the firm works with first, then other usual nationalities. */
export const FIRST_NATIONALITIES = ['MA', 'TN', 'SN', 'CI'] as const;
export const OTHER_NATIONALITIES = [
  'DZ',
  'BJ',
  'BF',
  'CM',
  'EG',
  'GE',
  'GH',
  'GN',
  'IN',
  'MG',
  'ML',
  'MR',
  'MD',
  'NE',
  'NG',
  'PH',
  'LK',
  'TG',
  'TR',
  'UA',
] as const;

const displayNames = new Map<AppLanguage, Intl.DisplayNames>();

/** "Maroc" / "Morocco" for 'MA', by the browser's own country names; the code when unknown. */
export function countryName(code: string, language: AppLanguage): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' });
    displayNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** `{{ worker.nationality | moiCountry: language.current() }}` */
@Pipe({ name: 'moiCountry' })
export class CountryPipe implements PipeTransform {
  transform(code: string | null | undefined, language: AppLanguage): string {
    return code ? countryName(code, language) : '';
  }
}
