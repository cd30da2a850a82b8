import { RecordedTransitionData } from '../dossier-deadlines/dossier-snapshot.model';
import { due, keysOf, ofKind, subject } from './reminder-subjects.fixture';

const FILED: RecordedTransitionData = {
  VISA_FILED: { filingDate: '2025-03-01', consulate: 'Casablanca' },
};
// Written refusal notified 01/04/2025: 30 days -> 01/05 (holiday) -> last day 02/05/2025.
const refused = subject(
  'VISA_REFUSED',
  {
    ...FILED,
    VISA_REFUSED: { notificationDate: '2025-04-01', grounds: ['RISK'] },
  },
  { stateEnteredOn: '2025-04-03' },
);

describe('remindersDue: CRRV appeal deadline (employer and firm, 10 and 3 days before)', () => {
  it('is not due 11 days before the last day; step d10 is due 10 days before, for both audiences', () => {
    expect(keysOf('crrv_deadline', refused, '2025-04-21')).toEqual([]);
    const reminders = ofKind('crrv_deadline', refused, '2025-04-22');
    expect(reminders.map((r) => [r.key, r.urgent])).toEqual([
      ['crrv_deadline:d1:d10:2025-04-22:employer', false],
      ['crrv_deadline:d1:d10:2025-04-22:firm', false],
    ]);
    expect(reminders[0].deadline).toEqual({
      kind: 'crrv_appeal',
      date: '2025-05-02',
      legal: true,
    });
  });

  it('keeps d10 until 4 days before; d3 is due 3 days before and is urgent', () => {
    expect(keysOf('crrv_deadline', refused, '2025-04-28')).toEqual([
      'crrv_deadline:d1:d10:2025-04-22:employer',
      'crrv_deadline:d1:d10:2025-04-22:firm',
    ]);
    const d3 = ofKind('crrv_deadline', refused, '2025-04-29');
    expect(d3.map((r) => [r.key, r.urgent])).toEqual([
      ['crrv_deadline:d1:d3:2025-04-29:employer', true],
      ['crrv_deadline:d1:d3:2025-04-29:firm', true],
    ]);
  });

  it('is still due on the last day itself and stops the day after', () => {
    expect(keysOf('crrv_deadline', refused, '2025-05-02')).toHaveLength(2);
    expect(keysOf('crrv_deadline', refused, '2025-05-03')).toEqual([]);
  });

  it('catches up with d3 only when the sweeps between d10 and d3 were missed', () => {
    expect(keysOf('crrv_deadline', refused, '2025-05-01')).toEqual([
      'crrv_deadline:d1:d3:2025-04-29:employer',
      'crrv_deadline:d1:d3:2025-04-29:firm',
    ]);
  });

  it('is not due when an appeal is recorded, nor once the CRRV appeal is filed', () => {
    const recorded = {
      ...refused,
      appealRecorded: { crrv: true, court: false },
    };
    expect(keysOf('crrv_deadline', recorded, '2025-04-29')).toEqual([]);
    const appealed = subject('CRRV_FILED', {
      ...refused.snapshot.recorded,
      CRRV_FILED: { filingDate: '2025-04-20' },
    });
    expect(keysOf('crrv_deadline', appealed, '2025-04-29')).toEqual([]);
  });

  it('counts from the notification of a verbal refusal too', () => {
    const verbal = subject('VISA_REFUSED_VERBAL', {
      ...FILED,
      VISA_REFUSED_VERBAL: { notificationDate: '2025-04-01' },
    });
    expect(keysOf('crrv_deadline', verbal, '2025-04-29')).toEqual([
      'crrv_deadline:d1:d3:2025-04-29:employer',
      'crrv_deadline:d1:d3:2025-04-29:firm',
    ]);
  });

  it('after an implicit refusal arises unrecorded (still VISA_FILED), counts from the day it arose', () => {
    // Filed 01/03/2025 -> implicit refusal 01/05/2025 -> CRRV 31/05 (Saturday) -> 02/06/2025.
    const filed = subject('VISA_FILED', FILED);
    expect(keysOf('crrv_deadline', filed, '2025-05-22')).toEqual([]);
    expect(ofKind('crrv_deadline', filed, '2025-05-23')[0]).toMatchObject({
      step: 'd10',
      dueDate: '2025-05-23',
      deadline: { kind: 'crrv_appeal', date: '2025-06-02', legal: true },
    });
    expect(ofKind('crrv_deadline', filed, '2025-05-30')[0]).toMatchObject({
      step: 'd3',
      urgent: true,
    });
  });
});

describe('remindersDue: court appeal deadline (employer and firm, 15 and 5 days before)', () => {
  // CRRV rejection notified 31/12/2025: 2 months -> 28/02/2026 (Saturday) -> 02/03/2026.
  const rejected = subject('CRRV_REJECTED', {
    CRRV_FILED: { filingDate: '2025-11-01' },
    CRRV_REJECTED: { notificationDate: '2025-12-31' },
  });

  it('d15 on the 15th day before (not the 16th), d5 on the 5th day before', () => {
    expect(keysOf('court_deadline', rejected, '2026-02-14')).toEqual([]);
    expect(ofKind('court_deadline', rejected, '2026-02-15')).toEqual([
      expect.objectContaining({
        key: 'court_deadline:d1:d15:2026-02-15:employer',
        urgent: false,
        deadline: { kind: 'court_appeal', date: '2026-03-02', legal: true },
      }),
      expect.objectContaining({ key: 'court_deadline:d1:d15:2026-02-15:firm' }),
    ]);
    expect(keysOf('court_deadline', rejected, '2026-02-24')).toEqual([
      'court_deadline:d1:d15:2026-02-15:employer',
      'court_deadline:d1:d15:2026-02-15:firm',
    ]);
    const d5 = ofKind('court_deadline', rejected, '2026-02-25');
    expect(d5.map((r) => [r.key, r.urgent])).toEqual([
      ['court_deadline:d1:d5:2026-02-25:employer', false],
      ['court_deadline:d1:d5:2026-02-25:firm', false],
    ]);
  });

  it('is urgent when first produced 3 days or less before the last day (same key)', () => {
    expect(ofKind('court_deadline', rejected, '2026-02-27')[0]).toMatchObject({
      key: 'court_deadline:d1:d5:2026-02-25:employer',
      urgent: true,
    });
    expect(keysOf('court_deadline', rejected, '2026-03-03')).toEqual([]);
  });

  it('is not due when a court appeal is recorded or filed', () => {
    const recorded = {
      ...rejected,
      appealRecorded: { crrv: true, court: true },
    };
    expect(keysOf('court_deadline', recorded, '2026-02-25')).toEqual([]);
    const filed = subject('TA_FILED', {
      ...rejected.snapshot.recorded,
      TA_FILED: { filingDate: '2026-02-10' },
    });
    expect(due(filed, '2026-02-25')).toEqual([]);
  });

  it('after an implicit CRRV rejection arises unrecorded (still CRRV_FILED), counts from that day', () => {
    // Received 14/11/2025 -> implicit rejection 14/01/2026 -> court 14/03 (Saturday) -> 16/03/2026.
    const waiting = subject('CRRV_FILED', {
      CRRV_FILED: { filingDate: '2025-11-14' },
    });
    expect(keysOf('court_deadline', waiting, '2026-02-28')).toEqual([]);
    expect(ofKind('court_deadline', waiting, '2026-03-01')[0]).toMatchObject({
      step: 'd15',
      deadline: { kind: 'court_appeal', date: '2026-03-16' },
    });
    expect(ofKind('court_deadline', waiting, '2026-03-11')[0].step).toBe('d5');
  });
});

describe('remindersDue: implicit decisions, announced the day they arise (employer and firm)', () => {
  const filed = subject('VISA_FILED', FILED);

  it('implicit visa refusal: not the day before, on the day (a holiday, not moved), with the CRRV deadline', () => {
    expect(keysOf('implicit_decision', filed, '2025-04-30')).toEqual([]);
    const reminders = ofKind('implicit_decision', filed, '2025-05-01');
    expect(reminders.map((r) => r.key)).toEqual([
      'implicit_decision:d1:arises:2025-05-01:employer',
      'implicit_decision:d1:arises:2025-05-01:firm',
    ]);
    expect(reminders[0]).toMatchObject({
      urgent: true,
      implicitDecision: {
        kind: 'implicit_visa_refusal',
        arisesOn: '2025-05-01',
      },
      deadline: { kind: 'crrv_appeal', date: '2025-06-02', legal: true },
    });
  });

  it('is urgent while fresh (3 days), then kept with the same key until the CRRV deadline passes', () => {
    expect(ofKind('implicit_decision', filed, '2025-05-04')[0].urgent).toBe(
      true,
    );
    expect(ofKind('implicit_decision', filed, '2025-05-05')[0].urgent).toBe(
      false,
    );
    expect(ofKind('implicit_decision', filed, '2025-05-30')[0]).toMatchObject({
      key: 'implicit_decision:d1:arises:2025-05-01:employer',
      urgent: true, // the CRRV deadline is 3 days away
    });
    expect(keysOf('implicit_decision', filed, '2025-06-03')).toEqual([]);
  });

  it('keeps the same key once the implicit refusal is recorded on the day it arose', () => {
    const recorded = subject('VISA_REFUSED_IMPLICIT', {
      ...FILED,
      VISA_REFUSED_IMPLICIT: { notificationDate: '2025-05-01' },
    });
    expect(keysOf('implicit_decision', recorded, '2025-05-10')).toEqual(
      keysOf('implicit_decision', filed, '2025-05-10'),
    );
    expect(keysOf('crrv_deadline', recorded, '2025-05-23')).toEqual(
      keysOf('crrv_deadline', filed, '2025-05-23'),
    );
  });

  it('implicit CRRV rejection: announced with the court deadline', () => {
    const crrv = subject('CRRV_FILED', {
      CRRV_FILED: { filingDate: '2025-11-14' },
    });
    expect(keysOf('implicit_decision', crrv, '2026-01-13')).toEqual([]);
    expect(ofKind('implicit_decision', crrv, '2026-01-14')[0]).toMatchObject({
      key: 'implicit_decision:d1:arises:2026-01-14:employer',
      urgent: true,
      implicitDecision: {
        kind: 'implicit_crrv_rejection',
        arisesOn: '2026-01-14',
      },
      deadline: { kind: 'court_appeal', date: '2026-03-16', legal: true },
    });
  });

  it('implicit card refusal: 4 months of prefecture silence, on a Saturday, announced for 30 days', () => {
    const applied = subject('PERMIT_APPLIED', {
      ARRIVED: { entryDate: '2025-09-01' },
      PERMIT_APPLIED: { applicationDate: '2025-10-31' },
    });
    expect(keysOf('implicit_decision', applied, '2026-02-27')).toEqual([]);
    expect(ofKind('implicit_decision', applied, '2026-02-28')[0]).toMatchObject(
      {
        key: 'implicit_decision:d1:arises:2026-02-28:employer',
        urgent: true,
        implicitDecision: {
          kind: 'implicit_card_refusal',
          arisesOn: '2026-02-28',
        },
        deadline: {
          kind: 'implicit_card_refusal',
          date: '2026-02-28',
          legal: true,
        },
      },
    );
    expect(keysOf('implicit_decision', applied, '2026-03-30')).toHaveLength(2);
    expect(keysOf('implicit_decision', applied, '2026-03-31')).toEqual([]);
  });
});

describe('remindersDue: a refusal alerts the firm at once (once)', () => {
  it('is due the day the refusal is recorded, urgent while fresh, for the firm only', () => {
    expect(keysOf('refusal_recorded', refused, '2025-04-02')).toEqual([]);
    const [alert, ...others] = ofKind(
      'refusal_recorded',
      refused,
      '2025-04-03',
    );
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      key: 'refusal_recorded:d1:once:2025-04-03:firm',
      audience: 'firm',
      urgent: true,
      deadline: { kind: 'crrv_appeal', date: '2025-05-02', legal: true },
    });
    expect(ofKind('refusal_recorded', refused, '2025-04-06')[0].urgent).toBe(
      true,
    );
    expect(ofKind('refusal_recorded', refused, '2025-04-07')[0].urgent).toBe(
      false,
    );
  });

  it('is dated by the notification when the recording date is unknown', () => {
    const noEntry = { ...refused, stateEnteredOn: undefined };
    expect(keysOf('refusal_recorded', noEntry, '2025-04-10')).toEqual([
      'refusal_recorded:d1:once:2025-04-01:firm',
    ]);
  });

  it('is no longer sent once the appeal window has closed', () => {
    expect(keysOf('refusal_recorded', refused, '2025-05-02')).toHaveLength(1);
    expect(keysOf('refusal_recorded', refused, '2025-05-03')).toEqual([]);
    const late = subject(
      'VISA_REFUSED',
      { VISA_REFUSED: { notificationDate: '2024-01-10', grounds: ['X'] } },
      { stateEnteredOn: '2025-04-03' },
    );
    expect(due(late, '2025-04-03')).toEqual([]);
  });

  it('covers CRRV and court rejections; a court rejection is announced for 30 days', () => {
    const crrv = subject(
      'CRRV_REJECTED',
      { CRRV_REJECTED: { notificationDate: '2025-12-31' } },
      { stateEnteredOn: '2026-01-02' },
    );
    expect(ofKind('refusal_recorded', crrv, '2026-01-02')[0]).toMatchObject({
      urgent: true,
      deadline: { kind: 'court_appeal', date: '2026-03-02' },
    });
    const court = subject(
      'TA_REJECTED',
      { TA_REJECTED: { judgmentDate: '2025-06-10' } },
      { stateEnteredOn: '2025-06-12' },
    );
    const [alert] = ofKind('refusal_recorded', court, '2025-06-12');
    expect(alert).toMatchObject({
      key: 'refusal_recorded:d1:once:2025-06-12:firm',
      urgent: true,
    });
    expect(alert.deadline).toBeUndefined();
    expect(keysOf('refusal_recorded', court, '2025-07-12')).toHaveLength(1);
    expect(keysOf('refusal_recorded', court, '2025-07-13')).toEqual([]);
  });

  it('does not treat an implicit refusal as a recorded one (the implicit-decision alert covers it)', () => {
    const implicit = subject('VISA_REFUSED_IMPLICIT', {
      ...FILED,
      VISA_REFUSED_IMPLICIT: { notificationDate: '2025-05-01' },
    });
    expect(keysOf('refusal_recorded', implicit, '2025-05-02')).toEqual([]);
  });
});
