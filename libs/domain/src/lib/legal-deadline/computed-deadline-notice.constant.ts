import { BilingualText } from '../bilingual-text.model';

/**
 * Shown next to every computed deadline: the product computes, the law firm checks.
 * It is never legal advice.
 */
export const COMPUTED_DEADLINE_NOTICE: BilingualText = Object.freeze({
  fr: 'calculée - à vérifier par le cabinet',
  en: 'computed - to be checked by the firm',
});
