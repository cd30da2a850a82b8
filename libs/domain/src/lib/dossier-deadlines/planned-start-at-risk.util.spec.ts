import { DossierSnapshot } from './dossier-snapshot.model';
import { isPlannedStartAtRisk } from './planned-start-at-risk.util';

const waiting: DossierSnapshot = {
  state: 'AWAITING_OFII',
  recorded: {
    AWAITING_OFII: { transmissionDate: '2025-02-12', ofiiOffice: 'Tunis' },
  },
  plannedStartDate: '2025-06-02',
};

describe('isPlannedStartAtRisk', () => {
  it('alerts when the planned start is 21 days away or less with no convocation', () => {
    expect(isPlannedStartAtRisk(waiting, '2025-05-11')).toBe(false); // 22 days
    expect(isPlannedStartAtRisk(waiting, '2025-05-12')).toBe(true); // 21 days
    expect(isPlannedStartAtRisk(waiting, '2025-06-10')).toBe(true); // already passed
  });

  it('applies to every state before the convocation', () => {
    for (const state of [
      'DRAFT',
      'OFFER_PUBLISHED',
      'AT_SUBMITTED',
      'AT_GRANTED',
      'AT_REFUSED',
    ] as const) {
      expect(isPlannedStartAtRisk({ ...waiting, state }, '2025-05-20')).toBe(
        true,
      );
    }
  });

  it('does not alert once the worker is convoked, or when the dossier is over', () => {
    for (const state of [
      'OFII_CONVOKED',
      'VISA_FILED',
      'ARRIVED',
      'WITHDRAWN',
      'CLOSED',
    ] as const) {
      expect(isPlannedStartAtRisk({ ...waiting, state }, '2025-05-20')).toBe(
        false,
      );
    }
  });

  it('does not alert without a planned start date', () => {
    expect(
      isPlannedStartAtRisk(
        { state: 'AWAITING_OFII', recorded: {} },
        '2025-05-20',
      ),
    ).toBe(false);
  });

  it('uses the given threshold and refuses a negative or fractional one', () => {
    expect(isPlannedStartAtRisk(waiting, '2025-05-20', 7)).toBe(false);
    expect(isPlannedStartAtRisk(waiting, '2025-05-26', 7)).toBe(true);
    expect(isPlannedStartAtRisk(waiting, '2025-06-02', 0)).toBe(true);
    expect(() => isPlannedStartAtRisk(waiting, '2025-05-20', -1)).toThrow(
      RangeError,
    );
    expect(() => isPlannedStartAtRisk(waiting, '2025-05-20', 1.5)).toThrow(
      RangeError,
    );
  });
});
