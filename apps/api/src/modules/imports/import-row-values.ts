import type { ContractType, PreferredLanguage } from '@moisson/contract';
import { normaliseHeader } from './import-mapping';

/**
 * Words spreadsheets use for coded values, read before the API's own rules check the result.
 * Anything not listed is passed through unchanged, so the API's rule names the problem.
 */
const LANGUAGES: Readonly<Record<string, PreferredLanguage>> = {
  fr: 'fr',
  francais: 'fr',
  french: 'fr',
  en: 'en',
  anglais: 'en',
  english: 'en',
  ar: 'ar',
  arabe: 'ar',
  arabic: 'ar',
};

const CONTRACTS: Readonly<Record<string, ContractType>> = {
  seasonal: 'seasonal',
  saisonnier: 'seasonal',
  saisonniere: 'seasonal',
  'cdd saisonnier': 'seasonal',
  'contrat saisonnier': 'seasonal',
  fixed_term: 'fixed_term',
  'fixed term': 'fixed_term',
  cdd: 'fixed_term',
  open_ended: 'open_ended',
  'open ended': 'open_ended',
  cdi: 'open_ended',
};

/** Countries of most seasonal workers, by French and English name and adjective, and ISO alpha-3. */
const COUNTRIES: Readonly<Record<string, string>> = {
  maroc: 'MA',
  marocain: 'MA',
  marocaine: 'MA',
  morocco: 'MA',
  moroccan: 'MA',
  mar: 'MA',
  tunisie: 'TN',
  tunisien: 'TN',
  tunisienne: 'TN',
  tunisia: 'TN',
  tunisian: 'TN',
  tun: 'TN',
  senegal: 'SN',
  senegalais: 'SN',
  senegalaise: 'SN',
  senegalese: 'SN',
  sen: 'SN',
  algerie: 'DZ',
  algerien: 'DZ',
  algerienne: 'DZ',
  algeria: 'DZ',
  algerian: 'DZ',
  dza: 'DZ',
  mali: 'ML',
  malien: 'ML',
  malienne: 'ML',
  mli: 'ML',
  equateur: 'EC',
  ecuador: 'EC',
  ecu: 'EC',
  colombie: 'CO',
  colombia: 'CO',
  col: 'CO',
  perou: 'PE',
  peru: 'PE',
  per: 'PE',
  philippines: 'PH',
  phl: 'PH',
  inde: 'IN',
  india: 'IN',
  ind: 'IN',
  'sri lanka': 'LK',
  lka: 'LK',
  ukraine: 'UA',
  ukr: 'UA',
  moldavie: 'MD',
  moldova: 'MD',
  mda: 'MD',
  turquie: 'TR',
  turkey: 'TR',
  turkiye: 'TR',
  tur: 'TR',
  egypte: 'EG',
  egypt: 'EG',
  egy: 'EG',
};

export function readLanguage(text: string): string | undefined {
  if (text === '') return undefined;
  return LANGUAGES[normaliseHeader(text)] ?? text;
}

/** `seasonal` when empty. */
export function readContractType(text: string): string {
  if (text === '') return 'seasonal';
  return (
    CONTRACTS[normaliseHeader(text).replace(/_/g, ' ')] ??
    CONTRACTS[text] ??
    text
  );
}

/** A 2-letter code as written (upper-cased), or the code of a known country name; else as written. */
export function readNationality(text: string): string {
  const key = normaliseHeader(text);
  return COUNTRIES[key] ?? text.toUpperCase();
}
