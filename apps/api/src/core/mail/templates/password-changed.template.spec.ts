import {
  passwordChangedTemplate,
  PasswordChangedMailData,
} from './password-changed.template';

const data: PasswordChangedMailData = {
  // 25 October 2026, 00:45 UTC = 02:45 summer time in Paris (clocks go back at 03:00)
  changedAt: '2026-10-25T00:45:00Z',
  ip: '2001:db8::42',
};

describe('password-changed e-mail', () => {
  it('in French: when (Paris time) and from which address, and what to do if it was not you', () => {
    const mail = passwordChangedTemplate.render('fr', data);
    expect(mail.subject).toBe('Votre mot de passe Moisson a été modifié');
    expect(mail.text).toContain(
      'Le mot de passe de votre compte Moisson a été modifié le 25/10/2026 02:45 (heure de Paris) depuis l’adresse IP 2001:db8::42.',
    );
    expect(mail.text).toContain(
      'réinitialisez sans attendre votre mot de passe',
    );
    expect(mail.html).toContain('<strong>25/10/2026 02:45</strong>');
    expect(mail.html).toContain('<strong>2001:db8::42</strong>');
    expect(mail.html).not.toContain('<a href');
  });

  it('in English', () => {
    const mail = passwordChangedTemplate.render('en', {
      ...data,
      changedAt: '2026-10-25T01:45:00Z', // 02:45 again, now winter time
    });
    expect(mail.subject).toBe('Your Moisson password has been changed');
    expect(mail.text).toContain(
      'The password of your Moisson account was changed on 25/10/2026 02:45 (Paris time) from the IP address 2001:db8::42.',
    );
    expect(mail.text).toContain('If you did not, reset your password');
  });

  it.each(['fr', 'en'] as const)('in %s: escapes a hostile value', (locale) => {
    const mail = passwordChangedTemplate.render(locale, {
      ...data,
      ip: '<script>alert(1)</script>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
