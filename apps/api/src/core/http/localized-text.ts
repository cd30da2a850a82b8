import type { Locale } from '@moisson/contract';

/** A message written for a person, in both languages of the portal. */
export interface BilingualText {
  fr: string;
  en: string;
}

/** A bilingual message, or a plain string (technical text, the same in both languages). */
export type LocalizedText = string | BilingualText;

/** The text of `message` in `language`. */
export function localize(message: LocalizedText, language: Locale): string {
  return typeof message === 'string' ? message : message[language];
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value === 'string') return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BilingualText).fr === 'string' &&
    typeof (value as BilingualText).en === 'string'
  );
}
