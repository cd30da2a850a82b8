/** "73282932000074" -> "732 829 320 00074" (SIREN in threes, then the establishment number). */
export function formatSiret(siret: string): string {
  const digits = siret.replace(/\s+/g, '');
  return /^\d{14}$/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`
    : siret;
}
