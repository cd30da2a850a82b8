import { DOSSIER_STATES } from '../dossier-state-machine/dossier-state.model';
import { LEGAL_DEADLINE_RULES } from '../legal-deadline/legal-deadline-rule.model';
import {
  DOSSIER_CLOCK_KINDS,
  dossierClockLabel,
  REFERENCE_CLOCK_LABELS,
} from './dossier-clock.model';
import {
  DossierSnapshot,
  RecordedTransitionData,
} from './dossier-snapshot.model';
import { RunningDeadline, runningDeadlines } from './running-deadlines.util';

/** A dossier that went through most of the procedure, with realistic dates. */
const RECORDED: RecordedTransitionData = {
  OFFER_PUBLISHED: { publicationDate: '2025-01-06' },
  AT_GRANTED: {
    permitNumber: 'AT-1',
    grantDate: '2025-02-10',
    validUntil: '2025-12-31',
  },
  AWAITING_OFII: { transmissionDate: '2025-02-12', ofiiOffice: 'Casablanca' },
  OFII_CONVOKED: {
    convocationDate: '2025-04-01',
    appointmentDate: '2025-04-15',
    appointmentPlace: 'Casablanca',
  },
  VISA_FILED: { filingDate: '2025-04-15', consulate: 'Casablanca' },
  VISA_REFUSED: {
    notificationDate: '2025-04-01',
    grounds: ['risk_of_diverting_visa_purpose'],
  },
  VISA_REFUSED_VERBAL: { notificationDate: '2026-04-23' },
  CRRV_FILED: { filingDate: '2025-10-31' },
  CRRV_REJECTED: { notificationDate: '2025-12-31' },
  TA_ANNULLED: {
    judgmentDate: '2026-02-09',
    notificationDate: '2026-02-25',
    injunctionMonths: 3,
  },
  VISA_ISSUED: {
    visaType: 'VLS-TS',
    validFrom: '2025-05-01',
    validTo: '2025-07-31',
  },
  ARRIVED: { entryDate: '2025-05-10' },
  PERMIT_APPLIED: { applicationDate: '2025-06-02' },
  PERMIT_GRANTED: { grantDate: '2025-07-01', validUntil: '2028-06-30' },
};

function snapshot(
  state: DossierSnapshot['state'],
  recorded: RecordedTransitionData = RECORDED,
): DossierSnapshot {
  return { state, recorded };
}

function summary(deadlines: RunningDeadline[]): string[] {
  return deadlines.map(
    (deadline) =>
      `${deadline.kind} ${deadline.startDate} -> ${deadline.dueDate}`,
  );
}

describe('runningDeadlines: legal deadlines by state', () => {
  it('after a written visa refusal notified 1 April: CRRV appeal until 2 May (1 May is a holiday)', () => {
    expect(runningDeadlines(snapshot('VISA_REFUSED'), '2025-04-10')).toEqual([
      {
        kind: 'crrv_appeal',
        label: LEGAL_DEADLINE_RULES.crrv_appeal.label,
        legal: true,
        startDate: '2025-04-01',
        nominalDueDate: '2025-05-01',
        dueDate: '2025-05-02',
        rollsToWorkingDay: true,
        rolled: true,
        daysLeft: 22,
      },
    ]);
  });

  it('counts days left down to 0 on the last day and below 0 once it has passed', () => {
    const [onTheDay] = runningDeadlines(snapshot('VISA_REFUSED'), '2025-05-02');
    const [dayAfter] = runningDeadlines(snapshot('VISA_REFUSED'), '2025-05-03');
    expect(onTheDay.daysLeft).toBe(0);
    expect(dayAfter.daysLeft).toBe(-1);
  });

  it('after a verbal refusal: CRRV appeal from the day it was given, rolled off a Saturday before Whit Monday', () => {
    expect(
      runningDeadlines(snapshot('VISA_REFUSED_VERBAL'), '2026-05-01'),
    ).toMatchObject([
      {
        kind: 'crrv_appeal',
        startDate: '2026-04-23',
        nominalDueDate: '2026-05-23',
        dueDate: '2026-05-26',
        rolled: true,
      },
    ]);
  });

  it('after an implicit refusal: CRRV appeal from the recorded date of the implicit refusal', () => {
    const recorded = {
      ...RECORDED,
      VISA_REFUSED_IMPLICIT: { notificationDate: '2025-06-16' },
    };
    expect(
      summary(
        runningDeadlines(
          snapshot('VISA_REFUSED_IMPLICIT', recorded),
          '2025-06-20',
        ),
      ),
    ).toEqual(['crrv_appeal 2025-06-16 -> 2025-07-16']);
  });

  it('after an implicit refusal with no recorded date: from the filing + 2 months', () => {
    expect(
      summary(
        runningDeadlines(snapshot('VISA_REFUSED_IMPLICIT'), '2025-06-20'),
      ),
    ).toEqual(['crrv_appeal 2025-06-15 -> 2025-07-15']);
  });

  it('while the visa application waits: the implicit refusal date, never moved, and the permit expiry', () => {
    const recorded = {
      ...RECORDED,
      VISA_FILED: { filingDate: '2025-12-31', consulate: 'Tunis' },
    };
    const deadlines = runningDeadlines(
      snapshot('VISA_FILED', recorded),
      '2026-01-05',
    );
    expect(summary(deadlines)).toEqual([
      'work_permit_expiry 2025-02-10 -> 2025-12-31',
      'implicit_visa_refusal 2025-12-31 -> 2026-02-28',
    ]);
    expect(deadlines[1]).toMatchObject({
      legal: true,
      rollsToWorkingDay: false,
      rolled: false,
      daysLeft: 54,
    });
    expect(deadlines[0]).toMatchObject({ legal: false, daysLeft: -5 });
  });

  it('while the CRRV examines the appeal: the implicit rejection date (2 months, not moved)', () => {
    expect(
      summary(runningDeadlines(snapshot('CRRV_FILED'), '2025-11-01')),
    ).toEqual(['implicit_crrv_rejection 2025-10-31 -> 2025-12-31']);
  });

  it('after a CRRV rejection on 31 December: court appeal until 2 March (28 February is a Saturday)', () => {
    expect(
      runningDeadlines(snapshot('CRRV_REJECTED'), '2026-01-02'),
    ).toMatchObject([
      {
        kind: 'court_appeal',
        nominalDueDate: '2026-02-28',
        dueDate: '2026-03-02',
        rolled: true,
        daysLeft: 59,
      },
    ]);
  });

  it('after an implicit CRRV rejection: court appeal from the recorded date, or from filing + 2 months', () => {
    expect(
      summary(
        runningDeadlines(snapshot('CRRV_REJECTED_IMPLICIT'), '2026-01-02'),
      ),
    ).toEqual(['court_appeal 2025-12-31 -> 2026-03-02']);
    const recorded = {
      ...RECORDED,
      CRRV_REJECTED_IMPLICIT: { notificationDate: '2026-01-05' },
    };
    expect(
      summary(
        runningDeadlines(
          snapshot('CRRV_REJECTED_IMPLICIT', recorded),
          '2026-01-06',
        ),
      ),
    ).toEqual(['court_appeal 2026-01-05 -> 2026-03-05']);
  });

  it('after annulment: the injunction runs from the notification for the ordered length', () => {
    expect(
      summary(runningDeadlines(snapshot('TA_ANNULLED'), '2026-03-01')),
    ).toEqual(['injunction 2026-02-25 -> 2026-05-26']);
    const defaultLength = {
      ...RECORDED,
      TA_ANNULLED: { judgmentDate: '2024-02-09', injunctionMonths: 2 },
    };
    expect(
      summary(
        runningDeadlines(snapshot('TA_ANNULLED', defaultLength), '2024-03-01'),
      ),
    ).toEqual(['injunction 2024-02-09 -> 2024-04-09']);
  });

  it('after arrival: card application (2 months) and the 6-month stay cap', () => {
    const deadlines = runningDeadlines(snapshot('ARRIVED'), '2025-05-12');
    expect(summary(deadlines)).toEqual([
      'card_application 2025-05-10 -> 2025-07-10',
      'seasonal_stay_cap 2025-05-10 -> 2025-11-10',
    ]);
    expect(deadlines.map((deadline) => deadline.legal)).toEqual([true, false]);
  });

  it('while the card application waits: implicit refusal after 4 months, not moved', () => {
    const recorded = {
      ...RECORDED,
      PERMIT_APPLIED: { applicationDate: '2025-10-31' },
    };
    expect(
      summary(
        runningDeadlines(snapshot('PERMIT_APPLIED', recorded), '2025-11-01'),
      ),
    ).toEqual([
      'seasonal_stay_cap 2025-05-10 -> 2025-11-10',
      'implicit_card_refusal 2025-10-31 -> 2026-02-28',
    ]);
  });
});

describe('runningDeadlines: reference dates by state', () => {
  it.each([
    ['OFFER_PUBLISHED', ['offer_period_end 2025-01-06 -> 2025-01-27']],
    ['AT_GRANTED', ['work_permit_expiry 2025-02-10 -> 2025-12-31']],
    ['AWAITING_OFII', ['work_permit_expiry 2025-02-10 -> 2025-12-31']],
    [
      'OFII_CONVOKED',
      [
        'ofii_appointment 2025-04-01 -> 2025-04-15',
        'work_permit_expiry 2025-02-10 -> 2025-12-31',
      ],
    ],
    ['MEDICAL_FIT', ['work_permit_expiry 2025-02-10 -> 2025-12-31']],
    ['VISA_ISSUED', ['visa_expiry 2025-05-01 -> 2025-07-31']],
    [
      'PERMIT_GRANTED',
      [
        'seasonal_stay_cap 2025-05-10 -> 2025-11-10',
        'residence_card_expiry 2025-07-01 -> 2028-06-30',
      ],
    ],
    ['PERMIT_REFUSED_IMPLICIT', ['seasonal_stay_cap 2025-05-10 -> 2025-11-10']],
    ['RETURNED', ['residence_card_expiry 2025-07-01 -> 2028-06-30']],
  ] as const)('%s runs %j', (state, expected) => {
    expect(summary(runningDeadlines(snapshot(state), '2025-03-01'))).toEqual(
      expected,
    );
  });

  it.each([
    'DRAFT',
    'AT_SUBMITTED',
    'AT_REFUSED',
    'MEDICAL_UNFIT',
    'TA_FILED',
    'TA_REJECTED',
    'CONTRACT_ENDED',
    'CLOSED',
    'ABANDONED',
    'WITHDRAWN',
  ] as const)('%s runs no clock', (state) => {
    expect(runningDeadlines(snapshot(state), '2025-03-01')).toEqual([]);
  });

  it('leaves out a clock whose dates were not recorded', () => {
    const noValidity = {
      AT_GRANTED: { permitNumber: 'AT-1', grantDate: '2025-02-10' },
    };
    expect(
      runningDeadlines(snapshot('AT_GRANTED', noValidity), '2025-03-01'),
    ).toEqual([]);
    for (const state of DOSSIER_STATES) {
      expect(runningDeadlines(snapshot(state, {}), '2025-03-01')).toEqual([]);
    }
  });

  it('sorts the soonest first', () => {
    const deadlines = runningDeadlines(snapshot('OFII_CONVOKED'), '2025-03-01');
    expect(deadlines.map((deadline) => deadline.daysLeft)).toEqual([45, 305]);
    const permitEndsFirst = {
      ...RECORDED,
      AT_GRANTED: {
        permitNumber: 'AT-1',
        grantDate: '2025-02-10',
        validUntil: '2025-04-10',
      },
    };
    expect(
      runningDeadlines(
        snapshot('OFII_CONVOKED', permitEndsFirst),
        '2025-03-01',
      ).map((deadline) => deadline.kind),
    ).toEqual(['work_permit_expiry', 'ofii_appointment']);
  });

  it('orders clocks due the same day by kind, so the order is stable', () => {
    const sameDay = {
      ...RECORDED,
      AT_GRANTED: {
        permitNumber: 'AT-1',
        grantDate: '2025-02-10',
        validUntil: '2025-04-15',
      },
    };
    expect(
      runningDeadlines(snapshot('OFII_CONVOKED', sameDay), '2025-03-01').map(
        (deadline) => deadline.kind,
      ),
    ).toEqual(['ofii_appointment', 'work_permit_expiry']);
  });
});

describe('dossier clocks', () => {
  it('labels every clock in French and English', () => {
    for (const kind of DOSSIER_CLOCK_KINDS) {
      const label = dossierClockLabel(kind);
      expect(label.fr.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
    }
    expect(dossierClockLabel('crrv_appeal')).toBe(
      LEGAL_DEADLINE_RULES.crrv_appeal.label,
    );
    expect(dossierClockLabel('visa_expiry')).toBe(
      REFERENCE_CLOCK_LABELS.visa_expiry,
    );
    expect(DOSSIER_CLOCK_KINDS).toHaveLength(13);
  });
});
