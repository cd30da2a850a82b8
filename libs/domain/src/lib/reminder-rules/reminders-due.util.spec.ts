import {
  addDays,
  CalendarDate,
  compareCalendarDates,
} from '../calendar/calendar-date.util';
import { DEFAULT_REMINDER_SETTINGS } from './reminder-settings.model';
import { remindersDue } from './reminders-due.util';
import { REMINDER_WINDOWS } from './reminder-windows.constant';
import { REMINDER_KINDS, ReminderSubject } from './reminder.model';
import { AWAITING, due, subject } from './reminder-subjects.fixture';
import { addMonths } from '../calendar/calendar-date.util';
import { runningDeadlines } from '../dossier-deadlines/running-deadlines.util';
import { STATES_BEFORE_CONVOCATION } from '../dossier-deadlines/planned-start-at-risk.util';
import { deadlineFor } from '../legal-deadline/legal-deadline.util';

/** A season's worth of dossiers in many states, for the properties below. */
const SUBJECTS: ReminderSubject[] = [
  subject('AWAITING_OFII', AWAITING, {
    plannedStartDate: '2025-04-20',
    documentExpiries: [{ kind: 'passport', validUntil: '2025-07-01' }],
  }),
  subject('VISA_FILED', {
    VISA_FILED: { filingDate: '2025-03-01', consulate: 'Rabat' },
  }),
  subject(
    'VISA_REFUSED',
    { VISA_REFUSED: { notificationDate: '2025-04-01', grounds: ['X'] } },
    { stateEnteredOn: '2025-04-02' },
  ),
  subject('CRRV_FILED', { CRRV_FILED: { filingDate: '2025-02-14' } }),
  subject(
    'CRRV_REJECTED',
    { CRRV_REJECTED: { notificationDate: '2025-03-31' } },
    { stateEnteredOn: '2025-04-01' },
  ),
  subject(
    'TA_REJECTED',
    { TA_REJECTED: { judgmentDate: '2025-05-10' } },
    { stateEnteredOn: '2025-05-12' },
  ),
  subject('ARRIVED', {
    VISA_ISSUED: {
      visaType: 'VLS-TS',
      validFrom: '2025-03-01',
      validTo: '2025-06-01',
    },
    ARRIVED: { entryDate: '2025-03-05' },
  }),
  subject('PERMIT_APPLIED', {
    ARRIVED: { entryDate: '2025-02-01' },
    PERMIT_APPLIED: { applicationDate: '2025-03-03' },
  }),
  subject('PERMIT_GRANTED', {
    ARRIVED: { entryDate: '2025-02-01' },
    PERMIT_GRANTED: { grantDate: '2025-03-20', validUntil: '2025-09-30' },
  }),
];

function days(
  from: CalendarDate,
  to: CalendarDate,
  every: number,
): CalendarDate[] {
  const list: CalendarDate[] = [];
  for (
    let day = from;
    compareCalendarDates(day, to) <= 0;
    day = addDays(day, every)
  ) {
    list.push(day);
  }
  return list;
}

describe('remindersDue', () => {
  it('gives the same keys (and reminders) on two calls with the same input', () => {
    for (const of of SUBJECTS) {
      for (const today of ['2025-04-15', '2025-05-05', '2025-06-01']) {
        const first = due(of, today);
        const second = due(structuredClone(of), today);
        expect(second).toEqual(first);
      }
    }
  });

  it('never gives two reminders with the same key, and never a due date after today', () => {
    for (const of of SUBJECTS) {
      for (const today of days('2025-02-01', '2025-12-31', 1)) {
        const reminders = due(of, today);
        const keys = reminders.map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const reminder of reminders) {
          expect(
            compareCalendarDates(reminder.dueDate, today),
          ).toBeLessThanOrEqual(0);
          expect(reminder.key).toBe(
            `${reminder.kind}:d1:${reminder.step}:${reminder.dueDate}:${reminder.audience}`,
          );
        }
      }
    }
  });

  it('a sweep every 5 days finds only keys that a daily sweep finds, and no step fell due twice for one series', () => {
    for (const of of SUBJECTS) {
      const daily = new Set(
        days('2025-02-01', '2025-12-31', 1).flatMap((d) =>
          due(of, d).map((r) => r.key),
        ),
      );
      const sparse = days('2025-02-03', '2025-12-31', 5).flatMap((d) =>
        due(of, d).map((r) => r.key),
      );
      expect(sparse.filter((key) => !daily.has(key))).toEqual([]);
    }
  });

  it('covers every kind with the sample dossiers above', () => {
    const seen = new Set(
      SUBJECTS.flatMap((of) =>
        days('2025-02-01', '2025-12-31', 1).flatMap((d) =>
          due(of, d).map((r) => r.kind),
        ),
      ),
    );
    expect([...seen].sort()).toEqual([...REMINDER_KINDS].sort());
  });

  it('lists the soonest due date first', () => {
    const reminders = due(SUBJECTS[0], '2025-05-20');
    const dates = reminders.map((r) => r.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(reminders.length).toBeGreaterThan(2);
  });

  it('gives nothing for a closed, abandoned or withdrawn dossier', () => {
    for (const state of ['CLOSED', 'ABANDONED', 'WITHDRAWN'] as const) {
      expect(
        due(
          subject(state, AWAITING, { plannedStartDate: '2025-04-01' }),
          '2025-05-01',
        ),
      ).toEqual([]);
    }
    expect(REMINDER_WINDOWS.states).not.toContain('CLOSED');
  });

  it('refuses settings outside their bounds and an impossible date', () => {
    const waiting = SUBJECTS[0];
    expect(() =>
      remindersDue(
        waiting,
        { ...DEFAULT_REMINDER_SETTINGS, convocationRepeatDays: 0 },
        '2025-04-01',
      ),
    ).toThrow(
      'convocationRepeatDays must be a whole number of days between 7 and 90, got 0',
    );
    expect(() =>
      remindersDue(
        waiting,
        { ...DEFAULT_REMINDER_SETTINGS, convocationOverdueDays: 2.5 },
        '2025-04-01',
      ),
    ).toThrow(RangeError);
    expect(() =>
      remindersDue(waiting, DEFAULT_REMINDER_SETTINGS, '2025-02-30'),
    ).toThrow('day 30 does not exist');
  });
});

/**
 * The engine's candidate selection, written from REMINDER_WINDOWS alone (one branch per index):
 * the spec below checks that no reminder is due for a dossier outside every branch.
 */
function isCandidate(of: ReminderSubject, today: CalendarDate): boolean {
  const w = REMINDER_WINDOWS;
  const { state, recorded, plannedStartDate } = of.snapshot;
  const within = (
    date: CalendarDate | undefined,
    from: CalendarDate,
    to: CalendarDate,
  ) =>
    date !== undefined &&
    compareCalendarDates(from, date) <= 0 &&
    compareCalendarDates(date, to) <= 0;
  const legal = runningDeadlines(of.snapshot, today).find((d) => d.legal);
  const transmitted = recorded.AWAITING_OFII?.transmissionDate;
  const entry = recorded.ARRIVED?.entryDate;
  const expiries = [
    recorded.AT_GRANTED?.validUntil,
    recorded.VISA_ISSUED?.validTo,
    recorded.PERMIT_GRANTED?.validUntil,
    ...(of.documentExpiries ?? []).map((d) => d.validUntil),
  ];
  return (
    (state === 'AWAITING_OFII' &&
      transmitted !== undefined &&
      compareCalendarDates(
        transmitted,
        addDays(today, -w.minDaysAwaitingOfii),
      ) <= 0) ||
    (STATES_BEFORE_CONVOCATION.includes(state) &&
      within(
        plannedStartDate,
        addDays(today, -w.catchUpDays),
        addDays(today, w.plannedStartLookAheadDays),
      )) ||
    within(
      legal?.dueDate,
      addDays(today, -w.maxDaysAfterDeadline),
      addDays(today, w.maxDaysBeforeDeadline),
    ) ||
    ([
      'VISA_REFUSED',
      'VISA_REFUSED_VERBAL',
      'CRRV_REJECTED',
      'TA_REJECTED',
    ].includes(state) &&
      within(
        of.stateEnteredOn,
        addDays(today, -w.maxDaysAfterDeadline),
        today,
      )) ||
    expiries.some((date) =>
      within(date, today, addDays(today, w.maxDaysBeforeExpiry)),
    ) ||
    (entry !== undefined &&
      (within(
        deadlineFor('card_application', entry),
        today,
        addDays(today, w.maxDaysBeforeDeadline),
      ) ||
        within(
          addMonths(entry, 6),
          today,
          addDays(today, w.maxDaysBeforeDeadline),
        )))
  );
}

/** Many dossiers: each sample shifted by 0 to 120 days (every 7), so every date lands on many weekdays. */
function shifted(of: ReminderSubject, by: number): ReminderSubject {
  const move = (value: unknown): unknown =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? addDays(value, by)
      : Array.isArray(value)
        ? value.map(move)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value).map(([k, v]) => [k, move(v)]),
            )
          : value;
  return move(of) as ReminderSubject;
}

describe('REMINDER_WINDOWS', () => {
  it('holds the widest windows of the rules', () => {
    expect(REMINDER_WINDOWS).toMatchObject({
      minDaysAwaitingOfii: 7,
      plannedStartLookAheadDays: 21,
      maxDaysBeforeDeadline: 15,
      maxDaysAfterDeadline: 65,
      maxDaysBeforeExpiry: 60,
      catchUpDays: 30,
    });
  });

  it('a selection by these windows includes every dossier that has a reminder due', () => {
    const missed: string[] = [];
    const subjects = SUBJECTS.flatMap((of) =>
      [0, 3, 11, 26, 45, 61, 90, 117].map((by) => shifted(of, by)),
    );
    for (const of of subjects) {
      for (const today of days('2025-02-01', '2026-02-28', 1)) {
        const reminders = due(of, today);
        if (reminders.length > 0 && !isCandidate(of, today)) {
          missed.push(`${reminders[0].key} on ${today}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});
