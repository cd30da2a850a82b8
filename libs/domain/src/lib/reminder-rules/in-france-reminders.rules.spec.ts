import { RecordedTransitionData } from '../dossier-deadlines/dossier-snapshot.model';
import {
  AWAITING,
  due,
  keysOf,
  ofKind,
  subject,
} from './reminder-subjects.fixture';

// Entered France on 01/03/2026: card application 01/05 (holiday, Friday) -> 04/05/2026;
// 6-month stay cap 01/09/2026.
const ENTERED: RecordedTransitionData = {
  VISA_ISSUED: {
    visaType: 'VLS-TS',
    validFrom: '2026-02-20',
    validTo: '2026-05-20',
  },
  ARRIVED: { entryDate: '2026-03-01' },
};
const arrived = subject('ARRIVED', ENTERED);

describe('remindersDue: seasonal card application due (employer, 14 days before)', () => {
  it('is not due 15 days before the last day, is due 14 days before', () => {
    expect(keysOf('card_application_due', arrived, '2026-04-19')).toEqual([]);
    expect(ofKind('card_application_due', arrived, '2026-04-20')).toEqual([
      expect.objectContaining({
        key: 'card_application_due:d1:d14:2026-04-20:employer',
        audience: 'employer',
        urgent: false,
        deadline: { kind: 'card_application', date: '2026-05-04', legal: true },
      }),
    ]);
  });

  it('becomes urgent 3 days before (same key) and stops after the last day', () => {
    expect(
      ofKind('card_application_due', arrived, '2026-04-30')[0].urgent,
    ).toBe(false);
    expect(
      ofKind('card_application_due', arrived, '2026-05-01')[0],
    ).toMatchObject({
      key: 'card_application_due:d1:d14:2026-04-20:employer',
      urgent: true,
    });
    expect(keysOf('card_application_due', arrived, '2026-05-05')).toEqual([]);
  });

  it('is not due once the application is filed', () => {
    const applied = subject('PERMIT_APPLIED', {
      ...ENTERED,
      PERMIT_APPLIED: { applicationDate: '2026-04-10' },
    });
    expect(keysOf('card_application_due', applied, '2026-04-25')).toEqual([]);
  });
});

describe('remindersDue: 6-month seasonal stay cap (employer, 14 days before)', () => {
  it('is not due 15 days before, is due 14 days before, never urgent, stops after the cap', () => {
    expect(keysOf('stay_cap', arrived, '2026-08-17')).toEqual([]);
    expect(ofKind('stay_cap', arrived, '2026-08-18')).toEqual([
      expect.objectContaining({
        key: 'stay_cap:d1:d14:2026-08-18:employer',
        urgent: false,
        deadline: {
          kind: 'seasonal_stay_cap',
          date: '2026-09-01',
          legal: false,
        },
      }),
    ]);
    expect(ofKind('stay_cap', arrived, '2026-09-01')[0].urgent).toBe(false);
    expect(keysOf('stay_cap', arrived, '2026-09-02')).toEqual([]);
  });

  it('runs while the card is applied for or granted, not after the contract ends', () => {
    const granted = subject('PERMIT_GRANTED', {
      ...ENTERED,
      PERMIT_GRANTED: { grantDate: '2026-05-20' },
    });
    expect(keysOf('stay_cap', granted, '2026-08-20')).toEqual([
      'stay_cap:d1:d14:2026-08-18:employer',
    ]);
    const ended = subject('CONTRACT_ENDED', {
      ...ENTERED,
      CONTRACT_ENDED: { endDate: '2026-08-15' },
    });
    expect(keysOf('stay_cap', ended, '2026-08-20')).toEqual([]);
  });
});

describe('remindersDue: document expiry (employer, 60 and 14 days before)', () => {
  const passport = { kind: 'passport' as const, validUntil: '2025-06-30' };
  const waiting = subject('AWAITING_OFII', AWAITING, {
    documentExpiries: [passport],
  });

  it('passport: d60 on the 60th day before (not the 61st), d14 on the 14th', () => {
    expect(keysOf('document_expiry', waiting, '2025-04-30')).toEqual([]);
    expect(ofKind('document_expiry', waiting, '2025-05-01')).toEqual([
      expect.objectContaining({
        key: 'document_expiry:d1:passport-d60:2025-05-01:employer',
        step: 'passport-d60',
        urgent: false,
        document: passport,
        deadline: { kind: 'passport_expiry', date: '2025-06-30', legal: false },
      }),
    ]);
    expect(keysOf('document_expiry', waiting, '2025-06-15')).toEqual([
      'document_expiry:d1:passport-d60:2025-05-01:employer',
    ]);
    expect(keysOf('document_expiry', waiting, '2025-06-16')).toEqual([
      'document_expiry:d1:passport-d14:2025-06-16:employer',
    ]);
    expect(keysOf('document_expiry', waiting, '2025-07-01')).toEqual([]);
  });

  it('a renewed passport (later validity) replaces the old one', () => {
    const renewed = subject('AWAITING_OFII', AWAITING, {
      documentExpiries: [
        passport,
        { kind: 'passport', validUntil: '2035-06-30' },
      ],
    });
    expect(keysOf('document_expiry', renewed, '2025-06-16')).toEqual([]);
  });

  it('work permit validity entered with the grant, while the visa is not issued', () => {
    const withValidity: RecordedTransitionData = {
      ...AWAITING,
      AT_GRANTED: {
        permitNumber: 'AT-1',
        grantDate: '2025-01-20',
        validUntil: '2025-09-30',
      },
    };
    expect(
      ofKind(
        'document_expiry',
        subject('AWAITING_OFII', withValidity),
        '2025-08-01',
      ),
    ).toEqual([
      expect.objectContaining({
        key: 'document_expiry:d1:work_permit-d60:2025-08-01:employer',
        deadline: {
          kind: 'work_permit_expiry',
          date: '2025-09-30',
          legal: false,
        },
      }),
    ]);
    const issued = subject('VISA_ISSUED', {
      ...withValidity,
      VISA_ISSUED: {
        visaType: 'VLS-TS',
        validFrom: '2025-07-01',
        validTo: '2025-12-31',
      },
    });
    expect(keysOf('document_expiry', issued, '2025-08-01')).toEqual([]);
  });

  it('visa validity while the worker travels and until the card is applied for', () => {
    expect(keysOf('document_expiry', arrived, '2026-03-21')).toEqual([
      'document_expiry:d1:visa-d60:2026-03-21:employer',
    ]);
    expect(keysOf('document_expiry', arrived, '2026-05-06')).toEqual([
      'document_expiry:d1:visa-d14:2026-05-06:employer',
    ]);
  });

  it('residence card validity, also after the worker went home', () => {
    const home = subject('RETURNED', {
      PERMIT_GRANTED: { grantDate: '2026-05-20', validUntil: '2029-05-19' },
      RETURNED: { returnDate: '2026-09-01' },
    });
    expect(keysOf('document_expiry', home, '2029-03-20')).toEqual([
      'document_expiry:d1:residence_card-d60:2029-03-20:employer',
    ]);
  });

  it('several documents give one reminder each', () => {
    const both = subject(
      'AWAITING_OFII',
      {
        ...AWAITING,
        AT_GRANTED: {
          permitNumber: 'AT-1',
          grantDate: '2025-01-20',
          validUntil: '2025-07-10',
        },
      },
      { documentExpiries: [passport] },
    );
    expect(keysOf('document_expiry', both, '2025-05-15')).toEqual([
      'document_expiry:d1:passport-d60:2025-05-01:employer',
      'document_expiry:d1:work_permit-d60:2025-05-11:employer',
    ]);
  });

  it('ignores documents of a dossier that is closed, abandoned or withdrawn', () => {
    for (const state of ['CLOSED', 'ABANDONED', 'WITHDRAWN'] as const) {
      expect(
        due(
          subject(state, AWAITING, { documentExpiries: [passport] }),
          '2025-06-16',
        ),
      ).toEqual([]);
    }
  });
});
