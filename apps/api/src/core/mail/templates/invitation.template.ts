import { formatParisDateTime } from '../mail-date';
import { MailContent, renderMailLayout } from '../mail-layout';
import { MailLocale, MailTemplate } from '../mail-template';

export interface InvitationMailData {
  /** The address the account will be created for (the recipient). */
  inviteeEmail: string;
  /** The person who sent the invitation. */
  inviterName: string;
  /** The employer's legal name, or the law firm's. */
  organisationName: string;
  /** Absolute https link that accepts the invitation. */
  acceptUrl: string;
  /** ISO 8601 instant, e.g. 2026-03-15T13:30:00.000Z; shown dd/mm/yyyy HH:mm, Paris time. */
  expiresAt: string;
}

/** Invites a person to join an employer's (or the law firm's) space on the portal. */
export const invitationTemplate: MailTemplate<
  'invitation',
  InvitationMailData
> = {
  name: 'invitation',
  render: (locale, data) => renderMailLayout(locale, content(locale, data)),
};

function content(locale: MailLocale, d: InvitationMailData): MailContent {
  const expires = formatParisDateTime(d.expiresAt);
  if (locale === 'en') {
    return {
      subject: `Invitation to join ${d.organisationName} on Moisson`,
      heading: `Invitation to join ${d.organisationName}`,
      paragraphs: [
        [
          { strong: d.inviterName },
          ' has invited you to join ',
          { strong: d.organisationName },
          ' on Moisson, the portal for managing the recruitment of seasonal workers.',
        ],
        [
          'Your account will be created for the address ',
          { strong: d.inviteeEmail },
          '. To accept the invitation, use the button below.',
        ],
      ],
      action: { label: 'Accept the invitation', url: d.acceptUrl },
      after: [
        [
          'This invitation is valid until ',
          { strong: expires },
          ' (Paris time).',
        ],
        'If you were not expecting this invitation, you can ignore this message: no account will be created.',
      ],
    };
  }
  return {
    subject: `Invitation à rejoindre ${d.organisationName} sur Moisson`,
    heading: `Invitation à rejoindre ${d.organisationName}`,
    paragraphs: [
      [
        { strong: d.inviterName },
        ' vous invite à rejoindre ',
        { strong: d.organisationName },
        ' sur Moisson, le portail de suivi du recrutement des travailleurs saisonniers.',
      ],
      [
        'Votre compte sera créé pour l’adresse ',
        { strong: d.inviteeEmail },
        '. Pour accepter l’invitation, cliquez sur le bouton ci-dessous.',
      ],
    ],
    action: { label: 'Accepter l’invitation', url: d.acceptUrl },
    after: [
      [
        'Cette invitation est valable jusqu’au ',
        { strong: expires },
        ' (heure de Paris).',
      ],
      'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message\u00a0: aucun compte ne sera créé.',
    ],
  };
}
