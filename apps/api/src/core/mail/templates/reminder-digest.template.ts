import { MailBlock, MailContent, renderMailLayout } from '../mail-layout';
import { MailLocale, MailTemplate } from '../mail-template';
import { ofiiFollowUpsBlock } from './ofii-follow-up.block';
import { ReminderDigestMailData } from './reminder-mail.data';
import { reminderItemsBlock } from './reminder-items.block';
import { plural } from './reminder-mail.words';

/**
 * The daily digest (07:00 Paris): one e-mail per recipient grouping everything due, with, for
 * an employer, a ready-to-send follow-up per OFII office and its "I have sent it" link.
 */
export const reminderDigestTemplate: MailTemplate<
  'reminder-digest',
  ReminderDigestMailData
> = {
  name: 'reminder-digest',
  render: (locale, data) => renderMailLayout(locale, content(locale, data)),
};

function workerCount(data: ReminderDigestMailData): number {
  return new Set(
    data.items.map((i) => `${i.employerName}\u0000${i.dossierUrl}`),
  ).size;
}

function content(locale: MailLocale, d: ReminderDigestMailData): MailContent {
  const employers = new Set(d.items.map((i) => i.employerName));
  const showEmployers = d.audience === 'firm' || employers.size > 1;
  const employerName =
    d.employerName ?? (employers.size === 1 ? [...employers][0] : undefined);
  const blocks: MailBlock[] = [];
  const followUps = ofiiFollowUpsBlock(d.followUps, locale);
  if (followUps) blocks.push(followUps);
  if (d.items.length > 0) {
    blocks.push(reminderItemsBlock(d.items, locale, showEmployers));
  }
  const fr = locale === 'fr';
  const count = d.items.length;
  const workers = workerCount(d);
  const relances = d.followUps.length;

  const subjectParts = fr
    ? [
        `Moisson : ${plural(count, 'rappel', 'rappels')}`,
        ...(d.audience === 'firm'
          ? [`cabinet, ${plural(employers.size, 'employeur', 'employeurs')}`]
          : employerName
            ? [employerName]
            : []),
        ...(relances > 0
          ? [`${plural(relances, 'relance OFII', 'relances OFII')} à envoyer`]
          : []),
      ]
    : [
        `Moisson: ${plural(count, 'reminder', 'reminders')}`,
        ...(d.audience === 'firm'
          ? [`firm, ${plural(employers.size, 'employer', 'employers')}`]
          : employerName
            ? [employerName]
            : []),
        ...(relances > 0
          ? [`${plural(relances, 'OFII follow-up', 'OFII follow-ups')} to send`]
          : []),
      ];

  const intro = fr
    ? [
        'Voici ce qui demande votre attention aujourd’hui',
        ...(employerName && d.audience === 'employer'
          ? [' pour ', { strong: employerName }]
          : []),
        '\u00a0: ',
        { strong: plural(count, 'rappel', 'rappels') },
        ' concernant ',
        { strong: plural(workers, 'travailleur', 'travailleurs') },
        '.',
      ]
    : [
        'Here is what needs your attention today',
        ...(employerName && d.audience === 'employer'
          ? [' for ', { strong: employerName }]
          : []),
        ': ',
        { strong: plural(count, 'reminder', 'reminders') },
        ' about ',
        { strong: plural(workers, 'worker', 'workers') },
        '.',
      ];

  return {
    subject: subjectParts.join(' - '),
    heading: fr ? 'Vos rappels du jour' : 'Your reminders for today',
    paragraphs: [
      intro,
      ...(relances > 0
        ? [
            fr
              ? `Commencez par les relances à l’OFII\u00a0: ${plural(relances, 'message est prêt', 'messages sont prêts')} à envoyer.`
              : `Start with the OFII follow-ups: ${plural(relances, 'message is', 'messages are')} ready to send.`,
          ]
        : []),
    ],
    blocks,
    action: {
      label: fr ? 'Ouvrir Moisson' : 'Open Moisson',
      url: d.portalUrl,
    },
    after: [
      fr
        ? 'Les dates marquées « calculée - à vérifier par le cabinet » sont calculées par Moisson selon les règles de délai connues\u00a0; elles ne constituent pas un avis juridique.'
        : 'Dates marked "computed - to be checked by the firm" are computed by Moisson from the known deadline rules; they are not legal advice.',
      fr
        ? 'Vous recevez au plus un récapitulatif par jour, à 7\u00a0h (heure de Paris)\u00a0; une échéance à 3 jours ou moins vous est envoyée aussitôt.'
        : 'You receive at most one digest a day, at 7 am (Paris time); a deadline 3 days away or less is sent to you at once.',
    ],
  };
}
