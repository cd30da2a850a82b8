import {
  DEFAULT_REMINDER_SETTINGS,
  isValidReminderSettings,
  REMINDER_SETTINGS_BOUNDS,
  validateReminderSettings,
} from './reminder-settings.model';

const valid = {
  convocationOverdueDays: 30,
  convocationRepeatDays: 14,
  language: 'fr',
  extraRecipients: ['comptable@exploitation.fr'],
};

function fields(input: unknown): string[] {
  return validateReminderSettings(input).map((violation) => violation.field);
}

describe('DEFAULT_REMINDER_SETTINGS', () => {
  it('are the domain defaults (30 days, then every 14, French, no extra address) and valid', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({
      convocationOverdueDays: 30,
      convocationRepeatDays: 14,
      language: 'fr',
      extraRecipients: [],
    });
    expect(Object.isFrozen(DEFAULT_REMINDER_SETTINGS)).toBe(true);
    expect(validateReminderSettings(DEFAULT_REMINDER_SETTINGS)).toEqual([]);
  });
});

describe('validateReminderSettings', () => {
  it('accepts valid settings, English included', () => {
    expect(validateReminderSettings(valid)).toEqual([]);
    expect(isValidReminderSettings({ ...valid, language: 'en' })).toBe(true);
  });

  it.each([
    ['convocationOverdueDays', 7, true],
    ['convocationOverdueDays', 6, false],
    ['convocationOverdueDays', 180, true],
    ['convocationOverdueDays', 181, false],
    ['convocationRepeatDays', 7, true],
    ['convocationRepeatDays', 6, false],
    ['convocationRepeatDays', 90, true],
    ['convocationRepeatDays', 91, false],
    ['convocationRepeatDays', 14.5, false],
    ['convocationRepeatDays', '14', false],
    ['convocationOverdueDays', Number.NaN, false],
    ['convocationOverdueDays', undefined, false],
  ])('%s = %p is accepted: %p', (field, value, accepted) => {
    expect(fields({ ...valid, [field]: value })).toEqual(
      accepted ? [] : [field],
    );
  });

  it('names the field and the bounds in French and English', () => {
    const [violation] = validateReminderSettings({
      ...valid,
      convocationRepeatDays: 0,
    });
    expect(violation.message.fr).toBe(
      'Intervalle entre deux relances : un nombre entier de jours entre 7 et 90 est attendu (reçu : 0).',
    );
    expect(violation.message.en).toBe(
      'Days between two follow-ups: a whole number of days between 7 and 90 is expected (got: 0).',
    );
  });

  it('refuses a language other than fr or en', () => {
    expect(fields({ ...valid, language: 'de' })).toEqual(['language']);
    expect(fields({ ...valid, language: undefined })).toEqual(['language']);
  });

  it('refuses invalid, duplicated (any case) and too many extra addresses', () => {
    expect(fields({ ...valid, extraRecipients: ['not-an-address'] })).toEqual([
      'extraRecipients',
    ]);
    expect(fields({ ...valid, extraRecipients: ['a b@x.fr'] })).toEqual([
      'extraRecipients',
    ]);
    expect(fields({ ...valid, extraRecipients: ['x@localhost'] })).toEqual([
      'extraRecipients',
    ]);
    expect(fields({ ...valid, extraRecipients: [42] })).toEqual([
      'extraRecipients',
    ]);
    const twice = validateReminderSettings({
      ...valid,
      extraRecipients: ['Paie@Ferme.fr', 'paie@ferme.fr'],
    });
    expect(twice.map((v) => v.message.en)).toEqual([
      'Extra recipients: "paie@ferme.fr" is listed twice.',
    ]);
    const max = REMINDER_SETTINGS_BOUNDS.extraRecipients.max;
    const many = Array.from({ length: max + 1 }, (_, i) => `p${i}@ferme.fr`);
    expect(fields({ ...valid, extraRecipients: many.slice(0, max) })).toEqual(
      [],
    );
    expect(fields({ ...valid, extraRecipients: many })).toEqual([
      'extraRecipients',
    ]);
    expect(fields({ ...valid, extraRecipients: 'a@b.fr' })).toEqual([
      'extraRecipients',
    ]);
  });

  it('lists every problem at once, and treats a non-object as empty', () => {
    expect(
      fields({
        convocationOverdueDays: 1,
        convocationRepeatDays: 1000,
        language: 'es',
        extraRecipients: ['@'],
      }),
    ).toEqual([
      'convocationOverdueDays',
      'convocationRepeatDays',
      'language',
      'extraRecipients',
    ]);
    expect(fields(null)).toHaveLength(4);
    expect(isValidReminderSettings('30')).toBe(false);
  });
});
