import * as domain from './index';

describe('@moisson/domain public API', () => {
  it.each([
    'parseCalendarDate',
    'isCalendarDate',
    'calendarDate',
    'addDays',
    'addMonths',
    'compareCalendarDates',
    'daysBetween',
    'dayOfWeek',
    'isWeekend',
    'formatFrenchDate',
    'parisToday',
    'easterSunday',
    'frenchPublicHolidays',
    'isFrenchPublicHoliday',
    'isWorkingDay',
    'nextWorkingDay',
    'deadlineFor',
    'computeLegalDeadline',
    'allowedNextStates',
    'isTransitionAllowed',
    'validateTransition',
    'eventDateOf',
    'stageOfState',
    'runningDeadlines',
    'nextExpectedStep',
    'isConvocationOverdue',
    'daysWaitingForConvocation',
    'isPlannedStartAtRisk',
    'validateSiret',
    'isValidSiret',
    'findVisaRefusalGround',
  ])('exports the function %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the tables UIs show', () => {
    expect(domain.DOSSIER_STATES).toHaveLength(29);
    expect(Object.keys(domain.LEGAL_DEADLINE_RULES)).toHaveLength(7);
    expect(domain.COMPUTED_DEADLINE_NOTICE.en).toBe(
      'computed - to be checked by the firm',
    );
    expect(domain.DEFAULT_VISA_REFUSAL_GROUNDS.length).toBeGreaterThan(0);
    expect(domain.DOSSIER_STAGES).toContain('appeals');
    expect(domain.InvalidCalendarDateError.prototype).toBeInstanceOf(Error);
  });

  it('works end to end: a refusal notified on 1 April 2025 must be appealed by 2 May', () => {
    const today = domain.parisToday(new Date('2025-04-01T08:00:00Z'));
    const result = domain.validateTransition(
      'VISA_FILED',
      'VISA_REFUSED',
      {
        notificationDate: today,
        grounds: ['information_incomplete_or_unreliable'],
      },
      { today },
    );
    expect(result.ok).toBe(true);
    const recorded = result.ok ? { VISA_REFUSED: result.data } : {};
    const [deadline] = domain.runningDeadlines(
      { state: 'VISA_REFUSED', recorded },
      today,
    );
    expect(domain.formatFrenchDate(deadline.dueDate)).toBe('02/05/2025');
  });
});
