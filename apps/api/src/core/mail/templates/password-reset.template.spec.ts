import {
  passwordResetTemplate,
  PasswordResetMailData,
} from './password-reset.template';

const data: PasswordResetMailData = {
  resetUrl: 'https://moisson.example.fr/password-reset/7f3c9a',
  // 2 January 2026, 23:15 UTC = 00:15 on 3 January in Paris (winter time)
  expiresAt: '2026-01-02T23:15:00Z',
};

describe('password-reset e-mail', () => {
  it('in French: the link and its deadline in Paris time, and what to do if the request was not yours', () => {
    const mail = passwordResetTemplate.render('fr', data);
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe Moisson');
    expect(mail.text).toContain(
      'Choisir un nouveau mot de passe\u00a0:\nhttps://moisson.example.fr/password-reset/7f3c9a',
    );
    expect(mail.text).toContain(
      'Ce lien est valable jusqu’au 03/01/2026 00:15 (heure de Paris).',
    );
    expect(mail.text).toContain('votre mot de passe actuel reste inchangé');
    expect(mail.html).toContain(
      'href="https://moisson.example.fr/password-reset/7f3c9a"',
    );
    expect(mail.html).toContain('<strong>03/01/2026 00:15</strong>');
  });

  it('in English', () => {
    const mail = passwordResetTemplate.render('en', data);
    expect(mail.subject).toBe('Reset your Moisson password');
    expect(mail.text).toContain(
      'Choose a new password:\nhttps://moisson.example.fr/password-reset/7f3c9a',
    );
    expect(mail.text).toContain(
      'This link is valid until 03/01/2026 00:15 (Paris time).',
    );
    expect(mail.text).toContain('your current password remains unchanged');
    expect(mail.html).toContain('>Choose a new password</a>');
  });

  it.each(['fr', 'en'] as const)(
    'in %s: escapes a hostile link in the HTML attribute and text',
    (locale) => {
      const mail = passwordResetTemplate.render(locale, {
        ...data,
        resetUrl: 'https://moisson.example.fr/r?t="><script>alert(1)</script>',
      });
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('"><');
    },
  );
});
