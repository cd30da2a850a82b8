import { MINIMAL, rulesOf, violationsOf } from './transition-samples.fixture';

describe('validateTransition: dates in the right order', () => {
  it('a work permit must end after it is granted', () => {
    const base = MINIMAL.AT_GRANTED;
    expect(
      rulesOf(
        violationsOf('AT_SUBMITTED', 'AT_GRANTED', {
          ...base,
          validUntil: '2025-02-10',
        }),
      ),
    ).toEqual(['DATE_ORDER:validUntil']);
    expect(
      rulesOf(
        violationsOf('AT_SUBMITTED', 'AT_GRANTED', {
          ...base,
          validUntil: '2025-01-10',
        }),
      ),
    ).toEqual(['DATE_ORDER:validUntil']);
    expect(
      violationsOf('AT_SUBMITTED', 'AT_GRANTED', {
        ...base,
        validUntil: '2025-02-11',
      }),
    ).toEqual([]);
  });

  it('a visa must be valid to a date after it is valid from', () => {
    const visa = MINIMAL.VISA_ISSUED;
    const sameDay = violationsOf('VISA_FILED', 'VISA_ISSUED', {
      ...visa,
      validTo: '2025-05-01',
    });
    expect(rulesOf(sameDay)).toEqual(['DATE_ORDER:validTo']);
    expect(sameDay[0].message).toEqual({
      fr: '« fin de validité » (validTo) doit être postérieure à « début de validité » (validFrom).',
      en: '"valid to" (validTo) must be after "valid from" (validFrom).',
    });
    expect(
      rulesOf(
        violationsOf('VISA_FILED', 'VISA_ISSUED', {
          ...visa,
          validTo: '2025-04-30',
        }),
      ),
    ).toEqual(['DATE_ORDER:validTo']);
    expect(
      violationsOf('VISA_FILED', 'VISA_ISSUED', {
        ...visa,
        validTo: '2025-05-02',
      }),
    ).toEqual([]);
  });

  it('an OFII appointment may be on the day of the convocation but not before it', () => {
    const convoked = MINIMAL.OFII_CONVOKED;
    expect(
      violationsOf('AWAITING_OFII', 'OFII_CONVOKED', {
        ...convoked,
        appointmentDate: '2025-04-01',
      }),
    ).toEqual([]);
    const before = violationsOf('AWAITING_OFII', 'OFII_CONVOKED', {
      ...convoked,
      appointmentDate: '2025-03-31',
    });
    expect(rulesOf(before)).toEqual(['DATE_ORDER:appointmentDate']);
    expect(before[0].message.en).toBe(
      '"appointment date" (appointmentDate) cannot be before "convocation date" (convocationDate).',
    );
  });

  it('a judgment cannot be notified before it is given', () => {
    expect(
      rulesOf(
        violationsOf('TA_FILED', 'TA_ANNULLED', {
          judgmentDate: '2026-02-09',
          notificationDate: '2026-02-08',
        }),
      ),
    ).toEqual(['DATE_ORDER:notificationDate']);
  });

  it('a residence card must end after it is granted', () => {
    expect(
      rulesOf(
        violationsOf('PERMIT_APPLIED', 'PERMIT_GRANTED', {
          grantDate: '2025-07-01',
          validUntil: '2025-06-30',
        }),
      ),
    ).toEqual(['DATE_ORDER:validUntil']);
  });

  it('the date of a step cannot be before the previous step', () => {
    const context = { previousStepDate: '2025-04-15' };
    const violations = violationsOf(
      'MEDICAL_FIT',
      'VISA_FILED',
      { filingDate: '2025-04-14', consulate: 'Rabat' },
      context,
    );
    expect(rulesOf(violations)).toEqual(['DATE_ORDER:filingDate']);
    expect(violations[0].message.fr).toBe(
      "« date de dépôt » (filingDate) ne peut pas précéder l'étape précédente du dossier (15/04/2025).",
    );
    expect(
      violationsOf(
        'MEDICAL_FIT',
        'VISA_FILED',
        { filingDate: '2025-04-15', consulate: 'Rabat' },
        context,
      ),
    ).toEqual([]);
  });

  it('does not order steps without a date of their own', () => {
    const context = { previousStepDate: '2025-06-01' };
    expect(
      violationsOf(
        'AWAITING_OFII',
        'WITHDRAWN',
        { reason: 'season over' },
        context,
      ),
    ).toEqual([]);
    expect(
      rulesOf(
        violationsOf(
          'AWAITING_OFII',
          'WITHDRAWN',
          { reason: 'x', withdrawalDate: '2025-05-31' },
          context,
        ),
      ),
    ).toEqual(['DATE_ORDER:withdrawalDate']);
    expect(
      violationsOf('VISA_FILED', 'VISA_ISSUED', MINIMAL.VISA_ISSUED, {
        previousStepDate: '2025-06-01',
      }),
    ).toEqual([]);
  });
});

describe('validateTransition: no past event dated in the future', () => {
  const today = '2025-03-10';

  it('refuses a grant date after today, naming today', () => {
    const violations = violationsOf(
      'AT_SUBMITTED',
      'AT_GRANTED',
      { permitNumber: 'A1', grantDate: '2025-03-11' },
      { today },
    );
    expect(rulesOf(violations)).toEqual(['DATE_IN_FUTURE:grantDate']);
    expect(violations[0].message.en).toBe(
      '"grant date" (grantDate) cannot be after today (10/03/2025).',
    );
  });

  it('accepts an event dated today', () => {
    expect(
      violationsOf(
        'AT_SUBMITTED',
        'AT_GRANTED',
        { permitNumber: 'A1', grantDate: today },
        { today },
      ),
    ).toEqual([]);
  });

  it('accepts future dates where they are planned dates (appointment, validity)', () => {
    expect(
      violationsOf(
        'AWAITING_OFII',
        'OFII_CONVOKED',
        {
          convocationDate: '2025-03-10',
          appointmentDate: '2025-04-02',
          appointmentPlace: 'Tunis',
        },
        { today },
      ),
    ).toEqual([]);
    expect(
      violationsOf(
        'VISA_FILED',
        'VISA_ISSUED',
        { visaType: 'VLS-TS', validFrom: '2025-04-01', validTo: '2025-06-30' },
        { today },
      ),
    ).toEqual([]);
    expect(
      violationsOf(
        'AT_SUBMITTED',
        'AT_GRANTED',
        { permitNumber: 'A1', grantDate: today, validUntil: '2026-03-09' },
        { today },
      ),
    ).toEqual([]);
  });

  it('checks past events of every kind of step', () => {
    expect(
      rulesOf(
        violationsOf(
          'VISA_ISSUED',
          'ARRIVED',
          { entryDate: '2025-03-11' },
          { today },
        ),
      ),
    ).toEqual(['DATE_IN_FUTURE:entryDate']);
    expect(
      rulesOf(
        violationsOf(
          'CRRV_FILED',
          'CRRV_REJECTED_IMPLICIT',
          { notificationDate: '2025-05-20' },
          { today },
        ),
      ),
    ).toEqual(['DATE_IN_FUTURE:notificationDate']);
  });
});
