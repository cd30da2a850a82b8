import { DossierSnapshot } from './dossier-snapshot.model';
import {
  daysWaitingForConvocation,
  isConvocationOverdue,
} from './convocation-overdue.util';

const waiting: DossierSnapshot = {
  state: 'AWAITING_OFII',
  recorded: {
    AWAITING_OFII: { transmissionDate: '2025-02-12', ofiiOffice: 'Casablanca' },
  },
};

describe('daysWaitingForConvocation', () => {
  it('counts days since the file was sent to OFII', () => {
    expect(daysWaitingForConvocation(waiting, '2025-02-12')).toBe(0);
    expect(daysWaitingForConvocation(waiting, '2025-03-14')).toBe(30);
  });

  it('is undefined when the dossier is not waiting for a convocation', () => {
    expect(
      daysWaitingForConvocation(
        { ...waiting, state: 'OFII_CONVOKED' },
        '2025-03-14',
      ),
    ).toBeUndefined();
    expect(
      daysWaitingForConvocation(
        { state: 'AWAITING_OFII', recorded: {} },
        '2025-03-14',
      ),
    ).toBeUndefined();
  });
});

describe('isConvocationOverdue', () => {
  it('is false before 30 days and true from the 30th day on (default threshold)', () => {
    expect(isConvocationOverdue(waiting, '2025-03-13')).toBe(false); // 29 days
    expect(isConvocationOverdue(waiting, '2025-03-14')).toBe(true); // 30 days
    expect(isConvocationOverdue(waiting, '2025-06-01')).toBe(true);
  });

  it('uses the employer’s threshold when given', () => {
    expect(isConvocationOverdue(waiting, '2025-02-26', 14)).toBe(true); // 14 days
    expect(isConvocationOverdue(waiting, '2025-02-25', 14)).toBe(false);
    expect(isConvocationOverdue(waiting, '2025-04-12', 60)).toBe(false); // 59 days
    expect(isConvocationOverdue(waiting, '2025-04-13', 60)).toBe(true);
  });

  it('is false in any other state, however old the transmission', () => {
    for (const state of [
      'AT_GRANTED',
      'OFII_CONVOKED',
      'VISA_FILED',
      'WITHDRAWN',
    ] as const) {
      expect(isConvocationOverdue({ ...waiting, state }, '2026-01-01')).toBe(
        false,
      );
    }
    expect(
      isConvocationOverdue(
        { state: 'AWAITING_OFII', recorded: {} },
        '2026-01-01',
      ),
    ).toBe(false);
  });

  it.each([0, -5, 2.5])('refuses a threshold of %p days', (threshold) => {
    expect(() =>
      isConvocationOverdue(waiting, '2025-03-14', threshold),
    ).toThrow(RangeError);
  });
});
