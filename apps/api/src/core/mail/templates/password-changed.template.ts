import { formatParisDateTime } from '../mail-date';
import { MailContent, renderMailLayout } from '../mail-layout';
import { MailLocale, MailTemplate } from '../mail-template';

export interface PasswordChangedMailData {
  /** ISO 8601 instant of the change; shown dd/mm/yyyy HH:mm, Paris time. */
  changedAt: string;
  /** IP address the change came from (IPv4 or IPv6). */
  ip: string;
}

/** Tells a person their password was changed, so an unexpected change is noticed. */
export const passwordChangedTemplate: MailTemplate<
  'password-changed',
  PasswordChangedMailData
> = {
  name: 'password-changed',
  render: (locale, data) => renderMailLayout(locale, content(locale, data)),
};

function content(locale: MailLocale, d: PasswordChangedMailData): MailContent {
  const changed = formatParisDateTime(d.changedAt);
  if (locale === 'en') {
    return {
      subject: 'Your Moisson password has been changed',
      heading: 'Your password has been changed',
      paragraphs: [
        [
          'The password of your Moisson account was changed on ',
          { strong: changed },
          ' (Paris time) from the IP address ',
          { strong: d.ip },
          '.',
        ],
        'If you made this change, there is nothing more to do.',
        'If you did not, reset your password from the sign-in page straight away and inform the law firm that runs the portal.',
      ],
    };
  }
  return {
    subject: 'Votre mot de passe Moisson a été modifié',
    heading: 'Votre mot de passe a été modifié',
    paragraphs: [
      [
        'Le mot de passe de votre compte Moisson a été modifié le ',
        { strong: changed },
        ' (heure de Paris) depuis l’adresse IP ',
        { strong: d.ip },
        '.',
      ],
      'Si vous êtes à l’origine de cette modification, vous n’avez rien d’autre à faire.',
      'Dans le cas contraire, réinitialisez sans attendre votre mot de passe depuis la page de connexion et prévenez le cabinet qui gère le portail.',
    ],
  };
}
