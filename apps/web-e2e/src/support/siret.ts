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
    if (luhnValid(digits + check)) {
      return digits + check;
    }
  }
  throw new Error('unreachable: one check digit always fits');
}

export function luhnValid(digits: string): boolean {
  let total = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}
