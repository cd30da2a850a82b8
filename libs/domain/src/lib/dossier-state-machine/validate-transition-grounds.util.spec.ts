import { rulesOf, violationsOf } from './transition-samples.fixture';
import { validateTransition } from './validate-transition.util';

describe('validateTransition: visa refusal grounds', () => {
  it('needs at least one ticked ground for a written refusal', () => {
    const violations = violationsOf('VISA_FILED', 'VISA_REFUSED', {
      notificationDate: '2025-05-02',
      grounds: [],
    });
    expect(rulesOf(violations)).toEqual(['FIELD_REQUIRED:grounds']);
    expect(violations[0].message.en).toBe(
      '"refusal grounds" (grounds): tick at least one ground.',
    );
  });

  it('refuses unknown ground codes, naming each', () => {
    const violations = violationsOf('VISA_FILED', 'VISA_REFUSED', {
      notificationDate: '2025-05-02',
      grounds: ['risk_of_diverting_visa_purpose', 'bad_weather', 'moon_phase'],
    });
    expect(rulesOf(violations)).toEqual([
      'GROUND_UNKNOWN:grounds',
      'GROUND_UNKNOWN:grounds',
    ]);
    expect(violations[1].message.fr).toContain('« moon_phase »');
  });

  it('refuses grounds that are not a list of codes', () => {
    for (const grounds of [
      'risk_of_diverting_visa_purpose',
      [42],
      [''],
      [' '],
    ]) {
      expect(
        rulesOf(
          violationsOf('VISA_FILED', 'VISA_REFUSED', {
            notificationDate: '2025-05-02',
            grounds,
          }),
        ),
      ).toEqual(['FIELD_INVALID:grounds']);
    }
  });

  it('removes duplicate and padded codes', () => {
    const result = validateTransition('VISA_FILED', 'VISA_REFUSED', {
      notificationDate: '2025-05-02',
      grounds: [
        ' purpose_not_justified',
        'purpose_not_justified',
        'insufficient_resources',
      ],
    });
    expect(result).toEqual({
      ok: true,
      data: {
        notificationDate: '2025-05-02',
        grounds: ['purpose_not_justified', 'insufficient_resources'],
      },
    });
  });

  it('needs a detail when the "other" ground is ticked, for written and verbal refusals', () => {
    for (const to of ['VISA_REFUSED', 'VISA_REFUSED_VERBAL'] as const) {
      const violations = violationsOf('VISA_FILED', to, {
        notificationDate: '2025-05-02',
        grounds: ['other'],
      });
      expect(rulesOf(violations)).toEqual([
        'GROUND_DETAIL_REQUIRED:groundsDetail',
      ]);
      expect(violations[0].message.en).toBe(
        '"ground detail" (groundsDetail) is required for the ground "Other ground (to be specified)".',
      );
      expect(
        violationsOf('VISA_FILED', to, {
          notificationDate: '2025-05-02',
          grounds: ['other'],
          groundsDetail: 'âge',
        }),
      ).toEqual([]);
    }
  });

  it('checks codes against the firm’s edited list when given', () => {
    const refusalGrounds = [
      {
        code: 'housing_not_compliant',
        label: { fr: 'Logement non conforme', en: 'Housing not compliant' },
        source: 'crrv_decision' as const,
        requiresDetail: false,
      },
      {
        code: 'other_free_text',
        label: { fr: 'Autre', en: 'Other' },
        source: 'refusal_form' as const,
        requiresDetail: true,
      },
    ];
    const context = { refusalGrounds };
    expect(
      violationsOf(
        'VISA_FILED',
        'VISA_REFUSED',
        { notificationDate: '2025-05-02', grounds: ['housing_not_compliant'] },
        context,
      ),
    ).toEqual([]);
    expect(
      rulesOf(
        violationsOf(
          'VISA_FILED',
          'VISA_REFUSED',
          {
            notificationDate: '2025-05-02',
            grounds: ['insufficient_resources'],
          },
          context,
        ),
      ),
    ).toEqual(['GROUND_UNKNOWN:grounds']);
    expect(
      rulesOf(
        violationsOf(
          'VISA_FILED',
          'VISA_REFUSED',
          { notificationDate: '2025-05-02', grounds: ['other_free_text'] },
          context,
        ),
      ),
    ).toEqual(['GROUND_DETAIL_REQUIRED:groundsDetail']);
  });

  it('accepts a verbal refusal with no grounds, and ignores grounds on an implicit refusal', () => {
    expect(
      validateTransition('VISA_FILED', 'VISA_REFUSED_VERBAL', {
        notificationDate: '2025-05-02',
        grounds: [],
      }),
    ).toEqual({
      ok: true,
      data: { notificationDate: '2025-05-02' },
    });
    expect(
      validateTransition('VISA_FILED', 'VISA_REFUSED_IMPLICIT', {
        notificationDate: '2025-06-15',
        grounds: ['other'],
      }),
    ).toEqual({ ok: true, data: { notificationDate: '2025-06-15' } });
  });
});

describe('validateTransition: injunction length', () => {
  it('defaults to 2 months and keeps the length the court ordered', () => {
    expect(
      validateTransition('TA_FILED', 'TA_ANNULLED', {
        judgmentDate: '2024-02-09',
      }),
    ).toEqual({
      ok: true,
      data: { judgmentDate: '2024-02-09', injunctionMonths: 2 },
    });
    expect(
      validateTransition('TA_FILED', 'TA_ANNULLED', {
        judgmentDate: '2024-02-09',
        injunctionMonths: 1,
      }),
    ).toEqual({
      ok: true,
      data: { judgmentDate: '2024-02-09', injunctionMonths: 1 },
    });
  });

  it.each([0, -2, 1.5, 25, '3', Number.NaN])(
    'refuses an injunction length of %p',
    (injunctionMonths) => {
      const violations = violationsOf('TA_FILED', 'TA_ANNULLED', {
        judgmentDate: '2024-02-09',
        injunctionMonths,
      });
      expect(rulesOf(violations)).toEqual(['FIELD_INVALID:injunctionMonths']);
      expect(violations[0].message.en).toContain(
        'whole number of months between 1 and 24',
      );
    },
  );
});
