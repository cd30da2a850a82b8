import { MAIL_LOCALES } from './mail-template';
import {
  MAIL_TEMPLATES,
  MailJob,
  renderMail,
  UnknownMailTemplateError,
} from './mail-templates';

const SAMPLES: MailJob[] = [
  {
    template: 'invitation',
    to: 'a@example.org',
    locale: 'fr',
    data: {
      inviteeEmail: 'a@example.org',
      inviterName: 'Claire Martin',
      organisationName: 'SCEA Les Vergers',
      acceptUrl: 'https://moisson.example.fr/invitations/abc',
      expiresAt: '2026-03-15T13:30:00Z',
    },
  },
  {
    template: 'password-reset',
    to: 'a@example.org',
    locale: 'fr',
    data: {
      resetUrl: 'https://moisson.example.fr/reset/abc',
      expiresAt: '2026-03-15T13:30:00Z',
    },
  },
  {
    template: 'password-changed',
    to: 'a@example.org',
    locale: 'fr',
    data: { changedAt: '2026-03-15T13:30:00Z', ip: '203.0.113.7' },
  },
  {
    template: 'reminder-digest',
    to: 'a@example.org',
    locale: 'fr',
    data: {
      audience: 'employer',
      employerName: 'SCEA Les Vergers',
      items: [
        {
          kind: 'convocation_overdue',
          audience: 'employer',
          workerName: 'BENALI Karim',
          employerName: 'SCEA Les Vergers',
          dossierUrl: 'https://moisson.example.fr/dossiers/d1',
          dueDate: '2026-03-14',
          daysWaited: 30,
        },
      ],
      followUps: [
        {
          officeLabel: 'OFII Casablanca',
          employerName: 'SCEA Les Vergers',
          subject: 'Relance - demande de convocation',
          body: 'Madame, Monsieur,',
          relanceUrl: 'https://moisson.example.fr/relance/abc',
          workers: 1,
        },
      ],
      portalUrl: 'https://moisson.example.fr',
    },
  },
  {
    template: 'reminder-urgent',
    to: 'a@example.org',
    locale: 'fr',
    data: {
      item: {
        kind: 'refusal_recorded',
        audience: 'firm',
        workerName: 'BENALI Karim',
        employerName: 'SCEA Les Vergers',
        dossierUrl: 'https://moisson.example.fr/dossiers/d1',
        dueDate: '2026-03-14',
      },
      portalUrl: 'https://moisson.example.fr',
    },
  },
];

describe('MAIL_TEMPLATES', () => {
  it('files every template under its own name', () => {
    for (const [key, template] of Object.entries(MAIL_TEMPLATES)) {
      expect(template.name).toBe(key);
    }
    expect(Object.keys(MAIL_TEMPLATES).sort()).toEqual(
      SAMPLES.map((s) => s.template).sort(),
    );
  });

  it.each(
    SAMPLES.flatMap((s) => MAIL_LOCALES.map((locale) => ({ ...s, locale }))),
  )(
    'renders $template in $locale as a whole HTML document in that language, with a text part and the footer',
    (job) => {
      const mail = renderMail(job);
      expect(mail.subject).toMatch(/Moisson/);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.html).toMatch(/^<!DOCTYPE html>/);
      expect(mail.html).toContain(`<html lang="${job.locale}">`);
      expect(mail.html).toContain('name="viewport"');
      expect(mail.text).not.toMatch(/<[a-z]/i);
      const footer =
        job.locale === 'fr'
          ? /merci de ne pas y répondre/
          : /please do not reply to it/;
      expect(mail.text).toMatch(footer);
      expect(mail.html).toMatch(footer);
      expect(mail.text).toMatch(
        job.locale === 'fr' ? /^Bonjour,$/m : /^Hello,$/m,
      );
    },
  );

  it('refuses a template name that does not exist (e.g. a job queued by another version)', () => {
    const job = { ...SAMPLES[0], template: 'welcome' } as unknown as MailJob;
    expect(() => renderMail(job)).toThrow(UnknownMailTemplateError);
    const proto = { ...SAMPLES[0], template: 'toString' } as unknown as MailJob;
    expect(() => renderMail(proto)).toThrow(UnknownMailTemplateError);
  });
});
