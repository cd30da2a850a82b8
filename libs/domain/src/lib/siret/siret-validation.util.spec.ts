import {
  isValidSiret,
  normalizeSiret,
  passesLuhnCheck,
  validateSiret,
} from './siret-validation.util';

/** Computes the last digit that makes 13 digits a valid Luhn number, independently of the code under test. */
function withCheckDigit(first13: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${first13}${digit}`;
    const sum = [...candidate]
      .reverse()
      .map(Number)
      .map((value, index) =>
        index % 2 === 1 ? (value * 2 > 9 ? value * 2 - 9 : value * 2) : value,
      )
      .reduce((total, value) => total + value, 0);
    if (sum % 10 === 0) {
      return candidate;
    }
  }
  throw new Error('unreachable');
}

describe('validateSiret', () => {
  it('accepts a valid SIRET and gives its digits and SIREN', () => {
    expect(validateSiret('73282932000074')).toEqual({
      valid: true,
      siret: '73282932000074',
      siren: '732829320',
    });
  });

  it('accepts the spaces people type and strips them', () => {
    expect(validateSiret(' 732 829 320 00074 ')).toEqual({
      valid: true,
      siret: '73282932000074',
      siren: '732829320',
    });
    expect(normalizeSiret('732\u00a0829 320\t00074')).toBe('73282932000074');
  });

  it.each(['1234567890123', '9876543210000', '0000000000001', '5555555555555'])(
    'accepts the SIRET built from %s with its computed check digit',
    (first13) => {
      const siret = withCheckDigit(first13);
      expect(validateSiret(siret).valid).toBe(true);
      expect(isValidSiret(siret)).toBe(true);
    },
  );

  it('refuses every single-digit typo of a valid SIRET with the checksum reason', () => {
    const valid = '73282932000074';
    for (let position = 0; position < valid.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === valid[position]) continue;
        const typo =
          valid.slice(0, position) + digit + valid.slice(position + 1);
        const result = validateSiret(typo);
        expect(result.valid).toBe(false);
        expect(result).toMatchObject({ reason: 'SIRET_CHECKSUM' });
      }
    }
  });

  it('explains a wrong checksum in French and English', () => {
    expect(validateSiret('73282932000075')).toEqual({
      valid: false,
      reason: 'SIRET_CHECKSUM',
      message: {
        fr: 'Clé de contrôle du SIRET incorrecte : vérifiez qu’il n’y a pas de faute de frappe.',
        en: 'SIRET checksum wrong: check for a typo.',
      },
    });
  });

  it.each([
    ['7328293200007', 13],
    ['732829320000744', 15],
    ['', 0],
    ['   ', 0],
  ])('refuses %j: must be 14 digits (%i entered)', (input, count) => {
    expect(validateSiret(input)).toEqual({
      valid: false,
      reason: 'SIRET_WRONG_LENGTH',
      message: {
        fr: `Le SIRET doit comporter 14 chiffres (${count} saisis).`,
        en: `The SIRET must be 14 digits (${count} entered).`,
      },
    });
  });

  it.each([
    '7328293200007A',
    'FR73282932000074',
    '732-829-320-00074',
    '73282932000O74',
  ])('refuses %j: letters and other signs are not digits', (input) => {
    const result = validateSiret(input);
    expect(result).toMatchObject({ valid: false, reason: 'SIRET_NOT_DIGITS' });
    expect(result.valid === false && result.message.en).toBe(
      'The SIRET must be 14 digits (no letters or other characters).',
    );
  });

  it('refuses a value that is not a string', () => {
    expect(validateSiret(73282932000074 as unknown as string)).toMatchObject({
      valid: false,
      reason: 'SIRET_WRONG_LENGTH',
    });
  });

  it('applies La Poste’s rule (digit sum multiple of 5) to SIREN 356000000 only', () => {
    expect(passesLuhnCheck('35600000049837')).toBe(false);
    expect(validateSiret('35600000049837')).toMatchObject({
      valid: true,
      siren: '356000000',
    }); // digit sum 45
    expect(validateSiret('35600000000048')).toMatchObject({ valid: true }); // head office, Luhn-valid
    expect(validateSiret('35600000012345')).toMatchObject({
      valid: false,
      reason: 'SIRET_CHECKSUM',
    }); // digit sum 29
    // A digit sum multiple of 5 does not rescue another company's number
    expect(validateSiret('35700000049836')).toMatchObject({
      valid: false,
      reason: 'SIRET_CHECKSUM',
    }); // sum 45
    expect(validateSiret('35600000149831')).toMatchObject({
      valid: false,
      reason: 'SIRET_CHECKSUM',
    }); // sum 40
  });
});

describe('passesLuhnCheck', () => {
  it('is the standard Luhn test', () => {
    expect(passesLuhnCheck('79927398713')).toBe(true);
    expect(passesLuhnCheck('79927398710')).toBe(false);
    expect(passesLuhnCheck('73282932000074')).toBe(true);
  });
});
