import { invitationTemplate, InvitationMailData } from './invitation.template';

const data: InvitationMailData = {
  inviteeEmail: 'karim.benali@example.org',
  inviterName: 'Claire Martin',
  organisationName: 'SCEA Les Vergers du Sud',
  acceptUrl: 'https://moisson.example.fr/invitations/accept?token=abc&x=1',
  // 20 June 2026, 21:59 UTC = 23:59 in Paris (summer time)
  expiresAt: '2026-06-20T21:59:00.000Z',
};

describe('invitation e-mail', () => {
  it('in French: names the inviter, the organisation, the address, the link and the deadline in Paris time', () => {
    const mail = invitationTemplate.render('fr', data);
    expect(mail.subject).toBe(
      'Invitation à rejoindre SCEA Les Vergers du Sud sur Moisson',
    );
    expect(mail.text).toContain(
      'Claire Martin vous invite à rejoindre SCEA Les Vergers du Sud sur Moisson',
    );
    expect(mail.text).toContain(
      'Votre compte sera créé pour l’adresse karim.benali@example.org.',
    );
    expect(mail.text).toContain(
      'Accepter l’invitation\u00a0:\nhttps://moisson.example.fr/invitations/accept?token=abc&x=1',
    );
    expect(mail.text).toContain(
      'valable jusqu’au 20/06/2026 23:59 (heure de Paris)',
    );
    expect(mail.html).toContain('<strong>Claire Martin</strong>');
    expect(mail.html).toContain('<strong>20/06/2026 23:59</strong>');
    expect(mail.html).toContain(
      'href="https://moisson.example.fr/invitations/accept?token=abc&amp;x=1"',
    );
    expect(mail.html).toContain('>Accepter l’invitation</a>');
  });

  it('in English: the same content, in English, the date still dd/mm/yyyy in Paris time', () => {
    const mail = invitationTemplate.render('en', data);
    expect(mail.subject).toBe(
      'Invitation to join SCEA Les Vergers du Sud on Moisson',
    );
    expect(mail.text).toContain(
      'Claire Martin has invited you to join SCEA Les Vergers du Sud on Moisson',
    );
    expect(mail.text).toContain('karim.benali@example.org');
    expect(mail.text).toContain(
      'Accept the invitation:\nhttps://moisson.example.fr/invitations/accept?token=abc&x=1',
    );
    expect(mail.text).toContain('valid until 20/06/2026 23:59 (Paris time)');
    expect(mail.html).toContain('>Accept the invitation</a>');
    expect(mail.html).not.toMatch(/invitation est valable/);
  });

  it.each(['fr', 'en'] as const)(
    'in %s: escapes hostile values in the HTML and keeps the subject on one line',
    (locale) => {
      const mail = invitationTemplate.render(locale, {
        ...data,
        inviterName: '<script>alert("x")</script>',
        organisationName:
          'Evil & Co\r\nBcc: victim@example.org <img src=x onerror=alert(1)>',
        inviteeEmail: '"><b>@example.org',
      });
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).not.toContain('"><b>');
      expect(mail.html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
      );
      expect(mail.html).toContain('Evil &amp; Co');
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject).toContain('Evil & Co Bcc: victim@example.org');
    },
  );

  it('refuses a link that is not http(s) and a date without a time zone', () => {
    expect(() =>
      invitationTemplate.render('fr', {
        ...data,
        acceptUrl: 'javascript:alert(1)',
      }),
    ).toThrow(/http\(s\) link/);
    expect(() =>
      invitationTemplate.render('fr', { ...data, expiresAt: '2026-06-20' }),
    ).toThrow(RangeError);
  });
});
