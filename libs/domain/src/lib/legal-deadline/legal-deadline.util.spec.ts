import { addDays, dayOfWeek } from '../calendar/calendar-date.util';
import { InvalidCalendarDateError } from '../calendar/invalid-calendar-date.error';
import { isWorkingDay } from '../holidays/working-day.util';
import { COMPUTED_DEADLINE_NOTICE } from './computed-deadline-notice.constant';
import {
  LEGAL_DEADLINE_KINDS,
  LEGAL_DEADLINE_RULES,
  LegalDeadlineKind,
} from './legal-deadline-rule.model';
import { computeLegalDeadline, deadlineFor } from './legal-deadline.util';

describe('deadlineFor: appeal to the CRRV (30 days, last day to act)', () => {
  it('notified 1 April: 30 days later is 1 May, a holiday, so the last day is 2 May', () => {
    expect(deadlineFor('crrv_appeal', '2025-04-01')).toBe('2025-05-02');
    expect(computeLegalDeadline('crrv_appeal', '2025-04-01')).toEqual({
      kind: 'crrv_appeal',
      startDate: '2025-04-01',
      length: 30,
      unit: 'days',
      nominalDate: '2025-05-01',
      dueDate: '2025-05-02',
      rolled: true,
    });
  });

  it('moves further when the next day is a weekend (1 May 2026 is a Friday, 2027 a Saturday)', () => {
    expect(deadlineFor('crrv_appeal', '2026-04-01')).toBe('2026-05-04');
    expect(deadlineFor('crrv_appeal', '2027-04-01')).toBe('2027-05-03');
  });

  it('keeps a last day that is a working day', () => {
    const computed = computeLegalDeadline('crrv_appeal', '2025-03-03');
    expect(computed.dueDate).toBe('2025-04-02');
    expect(computed.rolled).toBe(false);
  });

  it('moves a last day on a Saturday before Whit Monday to the Tuesday', () => {
    expect(computeLegalDeadline('crrv_appeal', '2026-04-23')).toMatchObject({
      nominalDate: '2026-05-23',
      dueDate: '2026-05-26',
      rolled: true,
    });
  });

  it('is not a "franc" deadline: day 0 is the notification day, not the next one', () => {
    expect(deadlineFor('crrv_appeal', '2025-06-02')).toBe('2025-07-02');
  });

  it('counts across 29 February', () => {
    expect(deadlineFor('crrv_appeal', '2024-02-15')).toBe('2024-03-18'); // 16 March is a Saturday
    expect(computeLegalDeadline('crrv_appeal', '2024-02-15').nominalDate).toBe(
      '2024-03-16',
    );
    expect(computeLegalDeadline('crrv_appeal', '2025-02-15').nominalDate).toBe(
      '2025-03-17',
    );
  });
});

describe('deadlineFor: deadlines in months', () => {
  it.each<[LegalDeadlineKind, string, string, string]>([
    // kind, start, nominal, due
    ['court_appeal', '2024-12-31', '2025-02-28', '2025-02-28'], // Friday
    ['court_appeal', '2023-12-31', '2024-02-29', '2024-02-29'], // leap year, Thursday
    ['court_appeal', '2027-12-31', '2028-02-29', '2028-02-29'], // leap year, Tuesday
    ['court_appeal', '2025-12-31', '2026-02-28', '2026-03-02'], // Saturday -> Monday
    ['court_appeal', '2026-03-23', '2026-05-23', '2026-05-26'], // Saturday before Whit Monday
    ['court_appeal', '2024-12-30', '2025-02-28', '2025-02-28'],
    ['court_appeal', '2025-01-31', '2025-03-31', '2025-03-31'],
    ['card_application', '2025-01-31', '2025-03-31', '2025-03-31'],
    ['card_application', '2024-12-31', '2025-02-28', '2025-02-28'],
    ['card_application', '2026-03-01', '2026-05-01', '2026-05-04'], // holiday Friday -> Monday
    ['injunction', '2024-02-09', '2024-04-09', '2024-04-09'],
    ['injunction', '2027-03-08', '2027-05-08', '2027-05-10'], // 8 May on a Saturday
    // Implicit decisions are never moved, even onto a weekend or a holiday
    ['implicit_visa_refusal', '2025-12-31', '2026-02-28', '2026-02-28'], // Saturday
    ['implicit_visa_refusal', '2025-03-01', '2025-05-01', '2025-05-01'], // holiday
    ['implicit_visa_refusal', '2023-12-31', '2024-02-29', '2024-02-29'],
    ['implicit_crrv_rejection', '2026-03-23', '2026-05-23', '2026-05-23'], // Saturday
    ['implicit_crrv_rejection', '2025-11-14', '2026-01-14', '2026-01-14'],
    ['implicit_card_refusal', '2025-10-31', '2026-02-28', '2026-02-28'], // 4 months, Saturday
    ['implicit_card_refusal', '2023-10-31', '2024-02-29', '2024-02-29'],
    ['implicit_card_refusal', '2027-01-25', '2027-05-25', '2027-05-25'],
  ])('%s from %s: nominal %s, due %s', (kind, start, nominal, due) => {
    const computed = computeLegalDeadline(kind, start);
    expect(computed.nominalDate).toBe(nominal);
    expect(computed.dueDate).toBe(due);
    expect(computed.rolled).toBe(nominal !== due);
    expect(deadlineFor(kind, start)).toBe(due);
  });

  it('shows that the same nominal date is moved for an appeal but not for an implicit decision', () => {
    expect(dayOfWeek('2026-02-28')).toBe(6);
    expect(deadlineFor('court_appeal', '2025-12-31')).toBe('2026-03-02');
    expect(deadlineFor('implicit_crrv_rejection', '2025-12-31')).toBe(
      '2026-02-28',
    );
  });
});

describe('deadlineFor: injunction length', () => {
  it('is 2 months by default and can be set to the length the court ordered', () => {
    expect(deadlineFor('injunction', '2024-02-09')).toBe('2024-04-09');
    expect(deadlineFor('injunction', '2024-02-09', { months: 3 })).toBe(
      '2024-05-10',
    ); // 9 May 2024 is Ascension
    expect(deadlineFor('injunction', '2024-02-05', { months: 3 })).toBe(
      '2024-05-06',
    );
    expect(deadlineFor('injunction', '2024-02-09', { months: 1 })).toBe(
      '2024-03-11',
    ); // 9 March is a Saturday
    expect(
      computeLegalDeadline('injunction', '2024-02-09', { months: 3 }).length,
    ).toBe(3);
  });

  it('rolls an injunction ending on Whit Monday to the Tuesday', () => {
    expect(deadlineFor('injunction', '2026-02-25', { months: 3 })).toBe(
      '2026-05-26',
    );
  });

  it.each([0, -1, 1.5, 25, Number.NaN])(
    'refuses an injunction length of %p months',
    (months) => {
      expect(() => deadlineFor('injunction', '2024-02-09', { months })).toThrow(
        RangeError,
      );
    },
  );

  it('refuses to override the legal length of any other deadline', () => {
    const others = LEGAL_DEADLINE_KINDS.filter((kind) => kind !== 'injunction');
    for (const kind of others) {
      expect(() => deadlineFor(kind, '2025-01-10', { months: 3 })).toThrow(
        'fixed by law',
      );
    }
    expect(deadlineFor('court_appeal', '2025-01-10', {})).toBe('2025-03-10');
  });
});

describe('deadlineFor: invalid input', () => {
  it('refuses an impossible start date', () => {
    expect(() => deadlineFor('crrv_appeal', '2025-02-30')).toThrow(
      InvalidCalendarDateError,
    );
  });

  it('refuses an unknown kind', () => {
    expect(() =>
      deadlineFor('visa_appeal' as LegalDeadlineKind, '2025-01-10'),
    ).toThrow('Unknown legal deadline kind: visa_appeal');
  });
});

describe('deadlineFor: properties over three years of start dates', () => {
  it('a rolled due date is the first working day on or after the nominal date; an implicit one is the nominal date', () => {
    const wrong: string[] = [];
    for (const kind of LEGAL_DEADLINE_KINDS) {
      for (
        let start = '2025-01-01';
        start < '2028-01-01';
        start = addDays(start, 1)
      ) {
        const { nominalDate, dueDate } = computeLegalDeadline(kind, start);
        if (!LEGAL_DEADLINE_RULES[kind].rollsToWorkingDay) {
          if (dueDate !== nominalDate) wrong.push(`${kind} ${start}`);
          continue;
        }
        if (!isWorkingDay(dueDate) || dueDate < nominalDate)
          wrong.push(`${kind} ${start}`);
        for (let day = nominalDate; day < dueDate; day = addDays(day, 1)) {
          if (isWorkingDay(day)) wrong.push(`${kind} ${start}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('LEGAL_DEADLINE_RULES', () => {
  it('describes each kind as in the domain reference (length, unit, moved or not)', () => {
    expect(
      LEGAL_DEADLINE_KINDS.map((kind) => {
        const rule = LEGAL_DEADLINE_RULES[kind];
        return [
          rule.kind,
          rule.length,
          rule.unit,
          rule.rollsToWorkingDay,
          rule.lengthEditable,
        ];
      }),
    ).toEqual([
      ['crrv_appeal', 30, 'days', true, false],
      ['court_appeal', 2, 'months', true, false],
      ['implicit_visa_refusal', 2, 'months', false, false],
      ['implicit_crrv_rejection', 2, 'months', false, false],
      ['card_application', 2, 'months', true, false],
      ['implicit_card_refusal', 4, 'months', false, false],
      ['injunction', 2, 'months', true, true],
    ]);
    expect(Object.keys(LEGAL_DEADLINE_RULES).sort()).toEqual(
      [...LEGAL_DEADLINE_KINDS].sort(),
    );
  });

  it('gives every kind a French and English label and start event', () => {
    for (const kind of LEGAL_DEADLINE_KINDS) {
      const { label, startsFrom } = LEGAL_DEADLINE_RULES[kind];
      expect(
        [label.fr, label.en, startsFrom.fr, startsFrom.en].every(
          (text) => text.trim().length > 0,
        ),
      ).toBe(true);
    }
    expect(LEGAL_DEADLINE_RULES.court_appeal.label.fr).toContain('Nantes');
    expect(LEGAL_DEADLINE_RULES.crrv_appeal.label.en).toContain('CRRV');
  });
});

describe('COMPUTED_DEADLINE_NOTICE', () => {
  it('warns that every computed deadline is to be checked by the firm', () => {
    expect(COMPUTED_DEADLINE_NOTICE).toEqual({
      fr: 'calculée - à vérifier par le cabinet',
      en: 'computed - to be checked by the firm',
    });
    expect(Object.isFrozen(COMPUTED_DEADLINE_NOTICE)).toBe(true);
  });
});
