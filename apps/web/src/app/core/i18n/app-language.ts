/** The languages the portal is translated into. French is the default: the firm and most farms work in French. */
export const APP_LANGUAGES = ['fr', 'en'] as const;

export type AppLanguage = (typeof APP_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: AppLanguage = 'fr';

/** localStorage key holding the language the user picked. */
export const LANGUAGE_STORAGE_KEY = 'moisson.language';

export function isAppLanguage(value: unknown): value is AppLanguage {
  return (
    typeof value === 'string' &&
    (APP_LANGUAGES as readonly string[]).includes(value)
  );
}
