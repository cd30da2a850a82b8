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
 */
export function workerSearchCondition(
  alias: string,
  q: string,
): { sql: string; params: Record<string, string> } {
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  const params: Record<string, string> = {
    qPassport: normalisePassportNumber(q),
  };
  const nameParts = words.map((word, i) => {
    params[`qWord${i}`] = `%${escapeLike(word)}%`;
    return `(${alias}.surname ILIKE :qWord${i} OR ${alias}.given_names ILIKE :qWord${i})`;
  });
  const names = nameParts.length > 0 ? nameParts.join(' AND ') : 'false';
  return {
    sql: `((${names}) OR ${alias}.passport_number = :qPassport)`,
    params,
  };
}
