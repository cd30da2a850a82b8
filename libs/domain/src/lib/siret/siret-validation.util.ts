import { BilingualText } from '../bilingual-text.model';

export type SiretInvalidReason =
  | 'SIRET_NOT_DIGITS'
  | 'SIRET_WRONG_LENGTH'
  | 'SIRET_CHECKSUM';

export type SiretValidationResult =
  | {
      readonly valid: true;
      /** The 14 digits, spaces removed. */
      readonly siret: string;
      /** The first 9 digits: the company (SIREN). */
      readonly siren: string;
    }
  | {
      readonly valid: false;
      readonly reason: SiretInvalidReason;
      readonly message: BilingualText;
    };

export const SIRET_LENGTH = 14;
/** La Poste's SIREN: its establishments' SIRET follow a different check (sum of digits). */
export const LA_POSTE_SIREN = '356000000';

/** Luhn checksum: doubling every second digit from the right, the total is a multiple of 10. */
export function passesLuhnCheck(digits: string): boolean {
  let total = 0;
  for (let index = 0; index < digits.length; index++) {
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    total += weighted > 9 ? weighted - 9 : weighted;
  }
  return total % 10 === 0;
}

function passesLaPosteCheck(digits: string): boolean {
  const sum = [...digits].reduce((total, digit) => total + Number(digit), 0);
  return digits.startsWith(LA_POSTE_SIREN) && sum % 5 === 0;
}

/** Removes the spaces people type to group the digits ('732 829 320 00074'). */
export function normalizeSiret(input: string): string {
  return input.replace(/\s+/g, '');
}

/**
 * Checks a French SIRET (establishment number): 14 digits whose Luhn checksum is right
 * (or, for La Poste's establishments, whose digit sum is a multiple of 5).
 */
export function validateSiret(input: string): SiretValidationResult {
  const siret = normalizeSiret(typeof input === 'string' ? input : '');
  if (!/^\d*$/.test(siret)) {
    return {
      valid: false,
      reason: 'SIRET_NOT_DIGITS',
      message: {
        fr: 'Le SIRET doit comporter 14 chiffres (ni lettres ni autres signes).',
        en: 'The SIRET must be 14 digits (no letters or other characters).',
      },
    };
  }
  if (siret.length !== SIRET_LENGTH) {
    return {
      valid: false,
      reason: 'SIRET_WRONG_LENGTH',
      message: {
        fr: `Le SIRET doit comporter 14 chiffres (${siret.length} saisis).`,
        en: `The SIRET must be 14 digits (${siret.length} entered).`,
      },
    };
  }
  if (!passesLuhnCheck(siret) && !passesLaPosteCheck(siret)) {
    return {
      valid: false,
      reason: 'SIRET_CHECKSUM',
      message: {
        fr: 'Clé de contrôle du SIRET incorrecte : vérifiez qu’il n’y a pas de faute de frappe.',
        en: 'SIRET checksum wrong: check for a typo.',
      },
    };
  }
  return { valid: true, siret, siren: siret.slice(0, 9) };
}

export function isValidSiret(input: string): boolean {
  return validateSiret(input).valid;
}
