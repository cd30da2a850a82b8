import { DEPARTEMENT_PATTERN, departementFromPostalCode } from './departement';
import { formatSiret } from './siret-format';

describe('département from the postal code', () => {
  it.each([
    ['47000', '47'],
    ['01000', '01'],
    ['84000', '84'],
    ['20000', '2A'],
    ['20200', '2B'],
    ['97100', '971'],
    ['97400', '974'],
  ])('%s -> %s', (postalCode, departement) => {
    expect(departementFromPostalCode(postalCode)).toBe(departement);
  });

  it.each(['4700', 'abcde', '98000', '00100'])(
    'cannot tell for %s',
    (postalCode) => {
      expect(departementFromPostalCode(postalCode)).toBeNull();
    },
  );

  it('accepts 01-95, 2A, 2B and 971-976 only', () => {
    for (const ok of ['01', '19', '2A', '2B', '21', '95', '971', '976']) {
      expect(DEPARTEMENT_PATTERN.test(ok)).toBe(true);
    }
    for (const bad of ['00', '20', '96', '977', '2C', '7']) {
      expect(DEPARTEMENT_PATTERN.test(bad)).toBe(false);
    }
  });
});

describe('SIRET display', () => {
  it('groups the digits: SIREN in threes, then the establishment number', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(formatSiret('123')).toBe('123');
  });
});
