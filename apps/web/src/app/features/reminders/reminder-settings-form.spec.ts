import {
  recipientsFromText,
  settingsRequest,
  settingsViolations,
} from './reminder-settings-form';

describe('reminder settings form', () => {
  it('reads addresses one per line, or separated by commas, semicolons or spaces', () => {
    expect(
      recipientsFromText(
        ' paie@ferme.fr\n\ncompta@ferme.fr, a@b.fr;c@d.fr  e@f.fr ',
      ),
    ).toEqual([
      'paie@ferme.fr',
      'compta@ferme.fr',
      'a@b.fr',
      'c@d.fr',
      'e@f.fr',
    ]);
    expect(recipientsFromText('  \n ')).toEqual([]);
  });

  it('sends every field, an empty number as NaN (which the domain refuses)', () => {
    expect(
      settingsRequest({
        convocationOverdueDays: 21,
        convocationRepeatDays: null,
        language: 'en',
        extraRecipients: 'a@b.fr',
      }),
    ).toEqual({
      convocationOverdueDays: 21,
      convocationRepeatDays: Number.NaN,
      language: 'en',
      extraRecipients: ['a@b.fr'],
    });
  });

  it('gives the domain rules per field, in French and English, and nothing for valid settings', () => {
    expect(
      settingsViolations({
        convocationOverdueDays: 30,
        convocationRepeatDays: 14,
        language: 'fr',
        extraRecipients: '',
      }),
    ).toEqual({});
    const violations = settingsViolations({
      convocationOverdueDays: 3,
      convocationRepeatDays: null,
      language: 'fr',
      extraRecipients: 'pas-une-adresse\nA@b.fr\na@B.fr',
    });
    expect(Object.keys(violations).sort()).toEqual([
      'convocationOverdueDays',
      'convocationRepeatDays',
      'extraRecipients',
    ]);
    expect(violations.convocationOverdueDays?.[0].fr).toBe(
      'Délai avant la première relance : un nombre entier de jours entre 7 et 180 est attendu (reçu : 3).',
    );
    expect(violations.extraRecipients?.map((m) => m.en)).toEqual([
      'Extra recipients: "pas-une-adresse" is not a valid e-mail address.',
      'Extra recipients: "a@B.fr" is listed twice.',
    ]);
  });
});
