import { normalisePassportNumber } from './passport-number';

const MAX_WORDS = 6;

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}

/**
 * The text search of the worker and dossier lists, on the worker table aliased `alias`: every word
 * must appear in the surname or the given names (case-insensitive), or the whole text must be the
 * full passport number (spaces ignored). Only the full number matches: a partial number would let a
 * list reveal a passport number piece by piece without the audited read of the detail.
 *
 * The words are looked for in `surname || ' ' || given_names`, the expression of the trigram index
 * worker_employer_full_name_trgm_idx, so that one index scan intersects every word (a word has no
 * space, so it cannot straddle the two names).
 */
export function workerSearchCondition(
  alias: string,
  q: string,
): { sql: string; params: Record<string, string> } {
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  const params: Record<string, string> = {
    qPassport: normalisePassportNumber(q),
  };
  const fullName = `(${alias}.surname || ' ' || ${alias}.given_names)`;
  const nameParts = words.map((word, i) => {
    params[`qWord${i}`] = `%${escapeLike(word)}%`;
    return `${fullName} ILIKE :qWord${i}`;
  });
  const names = nameParts.length > 0 ? nameParts.join(' AND ') : 'false';
  return {
    sql: `((${names}) OR ${alias}.passport_number = :qPassport)`,
    params,
  };
}
