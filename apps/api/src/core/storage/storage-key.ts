import { randomUUID } from 'node:crypto';

/** `ab/<uuid v4>`: two hex characters spread files over 256 folders (or key prefixes). */
const KEY_PATTERN =
  /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A new random key; it never contains anything a user typed. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

/** Refuses anything that is not a key `newStorageKey` could make (no path tricks reach a driver). */
export function assertStorageKey(key: string): string {
  if (!KEY_PATTERN.test(key) || key.slice(0, 2) !== key.slice(3, 5))
    throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  return key;
}
