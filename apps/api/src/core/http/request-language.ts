import type { Locale } from '@moisson/contract';
import type { FastifyRequest } from 'fastify';
import { authOf } from '../auth/auth-context';

const SUPPORTED: readonly Locale[] = ['fr', 'en'];

/** The portal speaks French unless the caller asks for English. */
export const DEFAULT_LANGUAGE: Locale = 'fr';

/**
 * The first supported language of an `Accept-Language` header, by preference (q values, then order):
 * `en-GB,en;q=0.9,fr;q=0.8` -> en, `de-DE,fr;q=0.5` -> fr, `de` -> undefined.
 */
export function languageFromAcceptLanguage(
  header: string | string[] | undefined,
): Locale | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params
        .map((p) => p.trim())
        .find((p) => p.toLowerCase().startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        language: tag.trim().toLowerCase().split('-')[0],
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.find((r) => (SUPPORTED as string[]).includes(r.language))
    ?.language as Locale | undefined;
}

/**
 * The language to answer in: the signed-in user's own language, else the browser's first supported
 * language, else French.
 */
export function chooseLanguage(
  userLocale: string | null | undefined,
  acceptLanguage: string | string[] | undefined,
): Locale {
  if (userLocale && (SUPPORTED as string[]).includes(userLocale))
    return userLocale as Locale;
  return languageFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}

/** The language of the answer to `request` (see `chooseLanguage`). */
export function requestLanguage(request: FastifyRequest): Locale {
  return chooseLanguage(
    authOf(request)?.user.locale,
    request.headers?.['accept-language'],
  );
}
