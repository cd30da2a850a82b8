import { MailContent, renderMailLayout } from '../mail-layout';
import { MailLocale, MailTemplate } from '../mail-template';
import { ReminderUrgentMailData } from './reminder-mail.data';
import { itemDetail, kindLabel, shownDate } from './reminder-mail.words';

/** One reminder that cannot wait for the next digest: a legal deadline within 3 days, a fresh refusal. */
export const reminderUrgentTemplate: MailTemplate<
  'reminder-urgent',
  ReminderUrgentMailData
> = {
  name: 'reminder-urgent',
  render: (locale, data) => renderMailLayout(locale, content(locale, data)),
};

function content(locale: MailLocale, d: ReminderUrgentMailData): MailContent {
  const { item } = d;
  const fr = locale === 'fr';
  const label = kindLabel(item.kind, locale);
  const when = item.deadline ? ` - ${shownDate(item.deadline.date)}` : '';
  return {
    subject: fr
      ? `Urgent : ${label}${when} - ${item.workerName} (${item.employerName}) - Moisson`
      : `Urgent: ${label}${when} - ${item.workerName} (${item.employerName}) - Moisson`,
    heading: fr ? `Urgent : ${label}` : `Urgent: ${label}`,
    paragraphs: [
      fr
        ? [
            'Le dossier de ',
            { strong: item.workerName },
            ' (',
            { strong: item.employerName },
            ') demande une action rapide.',
          ]
        : [
            'The dossier of ',
            { strong: item.workerName },
            ' (',
            { strong: item.employerName },
            ') needs prompt action.',
          ],
      itemDetail(item, locale),
    ],
    action: {
      label: fr ? 'Ouvrir le dossier' : 'Open the dossier',
      url: item.dossierUrl,
    },
    after: [
      ...(item.deadline?.legal
        ? [
            fr
              ? 'Cette date est calculée par Moisson selon les règles de délai connues\u00a0: faites-la vérifier par le cabinet\u00a0; elle ne constitue pas un avis juridique.'
              : 'This date is computed by Moisson from the known deadline rules: have the firm check it; it is not legal advice.',
          ]
        : []),
      fr
        ? 'Ce message part aussitôt, sans attendre le récapitulatif quotidien, parce que l’échéance est à 3 jours ou moins ou que le refus est récent.'
        : 'This message is sent at once, without waiting for the daily digest, because the deadline is 3 days away or less or the refusal is recent.',
      [fr ? 'Tous vos rappels\u00a0: ' : 'All your reminders: ', d.portalUrl],
    ],
  };
}
