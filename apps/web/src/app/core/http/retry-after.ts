/**
 * When a refused request may be sent again, from its `Retry-After` header: a number of seconds
 * ("900") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"). Null when the header is missing or unreadable.
 */
export function retryAfterInstant(
  header: string | null | undefined,
  now: number = Date.now(),
): Date | null {
  const value = header?.trim();
  if (!value) {
    return null;
  }
  if (/^\d+$/.test(value)) {
    return new Date(now + Number(value) * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : new Date(date);
}
