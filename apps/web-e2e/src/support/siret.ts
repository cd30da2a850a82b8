import { passesLuhnCheck } from '@moisson/domain';

/** A random SIRET that passes the Luhn check (never La Poste's SIREN), for creating test employers. */
export function randomSiret(): string {
  let digits = '';
  do {
    digits = '';
    for (let i = 0; i < 13; i++) {
      digits += String(Math.floor(Math.random() * 10));
    }
  } while (digits.startsWith('356000000') || digits.startsWith('0'));
  for (let check = 0; check < 10; check++) {
    if (passesLuhnCheck(digits + check)) {
      return digits + check;
    }
  }
  throw new Error('unreachable: one check digit always fits');
}
