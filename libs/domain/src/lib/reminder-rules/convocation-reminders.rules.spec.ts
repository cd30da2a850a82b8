import { addDays } from '../calendar/calendar-date.util';
import { DEFAULT_REMINDER_SETTINGS } from './reminder-settings.model';
import {
  AWAITING,
  due,
  keysOf,
  ofKind,
  subject,
} from './reminder-subjects.fixture';

// Transmitted to OFII on 12/02/2025: day 30 is 14/03/2025, then every 14 days.
const waiting = subject('AWAITING_OFII', AWAITING);
const faster = {
  ...DEFAULT_REMINDER_SETTINGS,
  convocationOverdueDays: 20,
  convocationRepeatDays: 7,
};

describe('remindersDue: convocation overdue (employer)', () => {
  it('is not due on day 29 and is due on day 30 with step 0', () => {
    expect(keysOf('convocation_overdue', waiting, '2025-03-13')).toEqual([]);
    expect(ofKind('convocation_overdue', waiting, '2025-03-14')).toEqual([
      {
        key: 'convocation_overdue:d1:0:2025-03-14:employer',
        kind: 'convocation_overdue',
        audience: 'employer',
        dossierId: 'd1',
        employerId: 'e1',
        step: '0',
        dueDate: '2025-03-14',
        urgent: false,
        daysWaited: 30,
        ofiiOffice: 'CASABLANCA',
      },
    ]);
  });

  it('keeps the step-0 key until day 43, then repeats every 14 days', () => {
    expect(keysOf('convocation_overdue', waiting, '2025-03-27')).toEqual([
      'convocation_overdue:d1:0:2025-03-14:employer',
    ]);
    expect(keysOf('convocation_overdue', waiting, '2025-03-28')).toEqual([
      'convocation_overdue:d1:1:2025-03-28:employer',
    ]);
    expect(keysOf('convocation_overdue', waiting, '2025-04-10')).toEqual([
      'convocation_overdue:d1:1:2025-03-28:employer',
    ]);
    expect(keysOf('convocation_overdue', waiting, '2025-04-11')).toEqual([
      'convocation_overdue:d1:2:2025-04-11:employer',
    ]);
  });

  it('still repeats after a year of waiting (step 23 on day 365)', () => {
    const [reminder] = ofKind('convocation_overdue', waiting, '2026-02-12');
    expect(reminder.daysWaited).toBe(365);
    expect(reminder.step).toBe('23');
    expect(reminder.dueDate).toBe(addDays('2025-02-12', 30 + 23 * 14));
  });

  it('reports the days waited on the day of the sweep, not on the due date', () => {
    const [reminder] = ofKind('convocation_overdue', waiting, '2025-03-20');
    expect(reminder.dueDate).toBe('2025-03-14');
    expect(reminder.daysWaited).toBe(36);
  });

  it('catches up after missed sweeps with the step that fell due last, not every step', () => {
    // No sweep between 13/03 and 20/04: steps 0, 1 and 2 all fell due meanwhile.
    expect(keysOf('convocation_overdue', waiting, '2025-04-20')).toEqual([
      'convocation_overdue:d1:2:2025-04-11:employer',
    ]);
  });

  it('follows the employer settings (20 days, then every 7)', () => {
    expect(
      keysOf('convocation_overdue', waiting, '2025-03-03', faster),
    ).toEqual([]);
    expect(
      keysOf('convocation_overdue', waiting, '2025-03-04', faster),
    ).toEqual(['convocation_overdue:d1:0:2025-03-04:employer']);
    expect(
      keysOf('convocation_overdue', waiting, '2025-03-10', faster),
    ).toEqual(['convocation_overdue:d1:0:2025-03-04:employer']);
    expect(
      keysOf('convocation_overdue', waiting, '2025-03-11', faster),
    ).toEqual(['convocation_overdue:d1:1:2025-03-11:employer']);
    expect(
      keysOf('convocation_overdue', waiting, '2025-03-18', faster),
    ).toEqual(['convocation_overdue:d1:2:2025-03-18:employer']);
  });

  it('stops once the worker is convoked, and needs a transmission date', () => {
    const convoked = subject('OFII_CONVOKED', {
      ...AWAITING,
      OFII_CONVOKED: {
        convocationDate: '2025-03-20',
        appointmentDate: '2025-04-02',
        appointmentPlace: 'Casablanca',
      },
    });
    expect(due(convoked, '2025-04-01')).toEqual([]);
    expect(due(subject('AWAITING_OFII', {}), '2025-12-01')).toEqual([]);
  });

  it('is not due for a file transmitted in the future (data entered ahead)', () => {
    expect(due(waiting, '2025-02-01')).toEqual([]);
  });
});

describe('remindersDue: the firm is alerted after 60 days of waiting (once)', () => {
  it('is not due on day 59 and is due on day 60, with the same key afterwards', () => {
    expect(keysOf('convocation_wait_firm', waiting, '2025-04-12')).toEqual([]);
    const [alert] = ofKind('convocation_wait_firm', waiting, '2025-04-13');
    expect(alert).toMatchObject({
      key: 'convocation_wait_firm:d1:once:2025-04-13:firm',
      audience: 'firm',
      step: 'once',
      urgent: false,
      daysWaited: 60,
      ofiiOffice: 'CASABLANCA',
    });
    expect(keysOf('convocation_wait_firm', waiting, '2025-09-01')).toEqual([
      'convocation_wait_firm:d1:once:2025-04-13:firm',
    ]);
  });

  it('does not depend on the employer settings', () => {
    expect(
      keysOf('convocation_wait_firm', waiting, '2025-04-13', faster),
    ).toEqual(['convocation_wait_firm:d1:once:2025-04-13:firm']);
  });
});

describe('remindersDue: planned start 21 days away with no convocation (firm, once)', () => {
  const granted = subject('AT_GRANTED', AWAITING, {
    plannedStartDate: '2025-04-10',
  });

  it('is not due 22 days before the start and is due 21 days before', () => {
    expect(keysOf('convocation_start_at_risk', granted, '2025-03-19')).toEqual(
      [],
    );
    expect(ofKind('convocation_start_at_risk', granted, '2025-03-20')).toEqual([
      expect.objectContaining({
        key: 'convocation_start_at_risk:d1:once:2025-03-20:firm',
        audience: 'firm',
        urgent: false,
        deadline: { kind: 'planned_start', date: '2025-04-10', legal: false },
      }),
    ]);
  });

  it('keeps the same key until a convocation, even after the start date passed', () => {
    expect(keysOf('convocation_start_at_risk', granted, '2025-05-01')).toEqual([
      'convocation_start_at_risk:d1:once:2025-03-20:firm',
    ]);
  });

  it('gives none once the start date passed more than 30 days ago (the season is gone)', () => {
    expect(
      keysOf('convocation_start_at_risk', granted, '2025-05-10'),
    ).toHaveLength(1);
    expect(keysOf('convocation_start_at_risk', granted, '2025-05-11')).toEqual(
      [],
    );
  });

  it('gives a new alert when the planned start date is changed', () => {
    const moved = subject('AT_GRANTED', AWAITING, {
      plannedStartDate: '2025-05-15',
    });
    expect(keysOf('convocation_start_at_risk', moved, '2025-04-24')).toEqual([
      'convocation_start_at_risk:d1:once:2025-04-24:firm',
    ]);
  });

  it('carries the days waited when the file is at OFII, and stops once convoked', () => {
    const atOfii = subject('AWAITING_OFII', AWAITING, {
      plannedStartDate: '2025-04-10',
    });
    expect(
      ofKind('convocation_start_at_risk', atOfii, '2025-03-20')[0],
    ).toMatchObject({ daysWaited: 36, ofiiOffice: 'CASABLANCA' });
    const convoked = subject(
      'OFII_CONVOKED',
      {
        OFII_CONVOKED: {
          convocationDate: '2025-03-01',
          appointmentDate: '2025-03-25',
          appointmentPlace: 'Casablanca',
        },
      },
      { plannedStartDate: '2025-04-10' },
    );
    expect(keysOf('convocation_start_at_risk', convoked, '2025-03-20')).toEqual(
      [],
    );
  });

  it('is not due without a planned start date', () => {
    expect(due(subject('AT_GRANTED', {}), '2025-03-20')).toEqual([]);
  });
});
