import { CONSULATES, OFII_OFFICES } from '@moisson/contract';
import {
  normaliseOfficeCode,
  normaliseOptionalOfficeCode,
} from './office-code';

describe('office codes', () => {
  it('turn what people type into the reference codes', () => {
    expect(normaliseOfficeCode('  Casablanca ')).toBe('casablanca');
    expect(normaliseOfficeCode('Fès')).toBe('fes');
    expect(normaliseOfficeCode('TUNIS')).toBe('tunis');
    expect(normaliseOfficeCode('Bureau  de Rabat')).toBe('bureau-de-rabat');
  });

  it('leave the reference codes unchanged', () => {
    for (const code of [...OFII_OFFICES, ...CONSULATES]) {
      expect(normaliseOfficeCode(code)).toBe(code);
    }
  });

  it('treat empty and missing values as none', () => {
    expect(normaliseOptionalOfficeCode('  ')).toBeNull();
    expect(normaliseOptionalOfficeCode(null)).toBeNull();
    expect(normaliseOptionalOfficeCode(undefined)).toBeNull();
  });
});
