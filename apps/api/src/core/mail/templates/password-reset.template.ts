import { formatParisDateTime } from '../mail-date';
import { MailContent, renderMailLayout } from '../mail-layout';
import { MailLocale, MailTemplate } from '../mail-template';

export interface PasswordResetMailData {
  /** Absolute https link to the page that sets the new password. */
  resetUrl: string;
  /** ISO 8601 instant the link stops working; shown dd/mm/yyyy HH:mm, Paris time. */
  expiresAt: string;
}

/** Sends the link that lets a person choose a new password. */
export const passwordResetTemplate: MailTemplate<
  'password-reset',
  PasswordResetMailData
> = {
  name: 'password-reset',
  render: (locale, data) => renderMailLayout(locale, content(locale, data)),
};

function content(locale: MailLocale, d: PasswordResetMailData): MailContent {
  const expires = formatParisDateTime(d.expiresAt);
  if (locale === 'en') {
    return {
      subject: 'Reset your Moisson password',
      heading: 'Reset your password',
      paragraphs: [
        'We received a request to reset the password of your Moisson account. To choose a new password, use the button below.',
      ],
      action: { label: 'Choose a new password', url: d.resetUrl },
      after: [
        ['This link is valid until ', { strong: expires }, ' (Paris time).'],
        'If you did not make this request, ignore this message: your current password remains unchanged.',
      ],
    };
  }
  return {
    subject: 'Réinitialisation de votre mot de passe Moisson',
    heading: 'Réinitialisation de votre mot de passe',
    paragraphs: [
      'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Moisson. Pour choisir un nouveau mot de passe, cliquez sur le bouton ci-dessous.',
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: d.resetUrl },
    after: [
      [
        'Ce lien est valable jusqu’au ',
        { strong: expires },
        ' (heure de Paris).',
      ],
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message\u00a0: votre mot de passe actuel reste inchangé.',
    ],
  };
}
