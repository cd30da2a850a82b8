/** Metropolitan départements 01-95 (20 is split into 2A and 2B), and the overseas ones 971-976. */
export const DEPARTEMENT_PATTERN =
  /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/;

export const POSTAL_CODE_PATTERN = /^\d{5}$/;

/**
 * The département a postal code most likely belongs to, to pre-fill the field: its first two digits,
 * three overseas, 2A / 2B in Corsica. Null when it cannot be told.
 */
export function departementFromPostalCode(postalCode: string): string | null {
  const code = postalCode.trim();
  if (!POSTAL_CODE_PATTERN.test(code)) {
    return null;
  }
  if (code.startsWith('97')) {
    const overseas = code.slice(0, 3);
    return DEPARTEMENT_PATTERN.test(overseas) ? overseas : null;
  }
  if (code.startsWith('20')) {
    return Number(code) < 20200 ? '2A' : '2B';
  }
  const departement = code.slice(0, 2);
  return DEPARTEMENT_PATTERN.test(departement) ? departement : null;
}
