import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from './api-exception';

/**
 * An opaque keyset cursor: the sort it belongs to and the sort key of the last row of a page
 * (its values and the row id), as base64url JSON. A cursor from another sort or a damaged one is a 400.
 */
export interface KeysetPosition {
  sort: string;
  values: Array<string | number | null>;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(
    JSON.stringify([position.sort, position.values, position.id]),
  ).toString('base64url');
}

/** `idPattern`: what a row id of this list looks like (UUIDs by default; bigint ids for the audit log). */
export function decodeCursor(
  cursor: string,
  expectedSort: string,
  valueCount: number,
  idPattern: RegExp = UUID,
): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !Array.isArray(parsed[1]) ||
    !parsed[1].every(
      (v: unknown) =>
        v === null || typeof v === 'string' || typeof v === 'number',
    ) ||
    typeof parsed[2] !== 'string' ||
    !idPattern.test(parsed[2])
  ) {
    throw invalidCursor();
  }
  if (parsed[0] !== expectedSort) {
    throw new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
      fr: `Ce curseur appartient au tri « ${parsed[0]} », et non « ${expectedSort} » : recommencez à partir de la première page.`,
      en: `This cursor belongs to the sort "${parsed[0]}", not "${expectedSort}": start again from the first page.`,
    });
  }
  if (parsed[1].length !== valueCount) throw invalidCursor();
  return { sort: parsed[0], values: parsed[1], id: parsed[2] };
}

function invalidCursor(): ApiException {
  return new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
    fr: "Le curseur n'est pas valide : recommencez à partir de la première page.",
    en: 'The cursor is not valid: start again from the first page.',
  });
}
