/**
 * OFII offices and consulates are stored as codes ('casablanca', 'fes', 'tunis'), whatever the case
 * or accents they were typed with, so that the list filter finds them: trimmed, lower-case, accents
 * removed, inner spaces as one "-". "  Fès " -> "fes"; "Casablanca" -> "casablanca".
 */
export function normaliseOfficeCode(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-');
}

export function normaliseOptionalOfficeCode(
  input: string | null | undefined,
): string | null {
  if (input === null || input === undefined) return null;
  const code = normaliseOfficeCode(input);
  return code === '' ? null : code;
}
