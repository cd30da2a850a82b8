import { COLORS, FONT, httpUrl, MailBlock } from '../mail-layout';
import { markup, SafeHtml } from '../mail-html';
import { MailLocale } from '../mail-template';
import { OfiiFollowUpMailBlock } from './reminder-mail.data';
import { plural } from './reminder-mail.words';

/**
 * Longest "Prepare the e-mail" link offered: some mail programs cut longer mailto: links, and a
 * digest must stay well under the size at which webmail clips a message. Longer follow-ups are
 * copied from the box, which always holds the whole text.
 */
export const MAX_MAILTO_LENGTH = 4000;

/** mailto: with no address (the employer picks the office's), the subject and body filled in. */
export function followUpMailto(
  followUp: Pick<OfiiFollowUpMailBlock, 'subject' | 'body'>,
): string | undefined {
  const link = `mailto:?subject=${encodeURIComponent(followUp.subject)}&body=${encodeURIComponent(followUp.body.replace(/\r?\n/g, '\r\n'))}`;
  return link.length <= MAX_MAILTO_LENGTH ? link : undefined;
}

const WORDS = {
  fr: {
    heading: 'Relances à envoyer à l’OFII',
    intro:
      'Pour chaque bureau de l’OFII, un message de relance est prêt. Copiez-le dans un e-mail adressé au bureau (ou utilisez « Préparer l’e-mail »), envoyez-le, puis cliquez sur « J’ai envoyé la relance »\u00a0: Moisson notera la relance sur le dossier de chaque travailleur listé.',
    // The text part has no "Préparer l’e-mail" link and no button: it says what it does have.
    introText:
      'Pour chaque bureau de l’OFII, un message de relance est prêt. Copiez-le (entre les lignes de début et de fin) dans un e-mail adressé au bureau, envoyez-le, puis ouvrez le lien « J’ai envoyé la relance »\u00a0: Moisson notera la relance sur le dossier de chaque travailleur listé.',
    office: (f: OfiiFollowUpMailBlock) =>
      `${f.officeLabel} - ${f.employerName} (${plural(f.workers, 'travailleur', 'travailleurs')})`,
    copy: 'Message à copier\u00a0:',
    cut: '----- début du message -----',
    end: '----- fin du message -----',
    prepare: 'Préparer l’e-mail',
    tooLong:
      'Ce message est trop long pour un lien d’e-mail\u00a0: copiez-le depuis le cadre ci-dessus.',
    confirm: 'J’ai envoyé la relance',
  },
  en: {
    heading: 'Follow-ups to send to OFII',
    intro:
      'For each OFII office, a follow-up message is ready, in French as OFII expects. Copy it into an e-mail to the office (or use "Prepare the e-mail"), send it, then click "I have sent the follow-up": Moisson will record it on the dossier of each worker listed.',
    introText:
      'For each OFII office, a follow-up message is ready, in French as OFII expects. Copy it (between the start and end lines) into an e-mail to the office, send it, then open the "I have sent the follow-up" link: Moisson will record it on the dossier of each worker listed.',
    office: (f: OfiiFollowUpMailBlock) =>
      `${f.officeLabel} - ${f.employerName} (${plural(f.workers, 'worker', 'workers')})`,
    copy: 'Message to copy:',
    cut: '----- start of the message -----',
    end: '----- end of the message -----',
    prepare: 'Prepare the e-mail',
    tooLong:
      'This message is too long for an e-mail link: copy it from the box above.',
    confirm: 'I have sent the follow-up',
  },
} as const;

/** Text lines as HTML lines; leading spaces (the worker details' indent) kept as no-break spaces. */
function lines(text: string): SafeHtml {
  return markup`${text
    .split('\n')
    .map(
      (line, i) =>
        markup`${i > 0 ? markup`<br>` : ''}${line.replace(/^ +/, (indent) => '\u00a0'.repeat(indent.length))}`,
    )}`;
}

function followUpHtml(
  followUp: OfiiFollowUpMailBlock,
  locale: MailLocale,
): SafeHtml {
  const w = WORDS[locale];
  const relanceUrl = httpUrl(followUp.relanceUrl);
  const mailto = followUpMailto(followUp);
  return markup`<h3 style="margin:20px 0 8px 0;font-size:16px;line-height:1.3;color:${COLORS.brand};">${w.office(followUp)}</h3>
<p style="margin:0 0 6px 0;font-size:14px;color:${COLORS.muted};">${w.copy}</p>
<div lang="fr" style="margin:0 0 12px 0;padding:12px 14px;border:1px solid #d9d4c5;border-radius:6px;background-color:#faf8f2;font-family:${FONT};font-size:14px;line-height:1.5;color:${COLORS.text};word-break:break-word;">
<strong>${lines(`Objet : ${followUp.subject}`)}</strong><br><br>
${lines(followUp.body.replace(/^Objet : .*\n\n/, ''))}
</div>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 8px 0;border-collapse:separate;">
<tr><td style="border-radius:6px;background-color:${COLORS.brand};">
<a href="${relanceUrl}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 20px;font-family:${FONT};font-size:15px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${w.confirm}</a>
</td></tr>
</table>
<p style="margin:0 0 20px 0;font-size:14px;line-height:1.5;">${
    mailto
      ? markup`<a href="${mailto}" style="color:${COLORS.brand};">${w.prepare}</a>`
      : markup`<span style="color:${COLORS.muted};">${w.tooLong}</span>`
  }</p>`;
}

function followUpText(
  followUp: OfiiFollowUpMailBlock,
  locale: MailLocale,
): string {
  const w = WORDS[locale];
  const body = followUp.body.startsWith('Objet : ')
    ? followUp.body
    : `Objet : ${followUp.subject}\n\n${followUp.body}`;
  return [
    `* ${w.office(followUp)}`,
    w.cut,
    body,
    w.end,
    `${w.confirm}${locale === 'fr' ? '\u00a0:' : ':'}\n${httpUrl(followUp.relanceUrl)}`,
  ].join('\n');
}

/** Every follow-up of a digest, each with its text to copy, mailto link and "sent" link. */
export function ofiiFollowUpsBlock(
  followUps: readonly OfiiFollowUpMailBlock[],
  locale: MailLocale,
): MailBlock | undefined {
  if (followUps.length === 0) {
    return undefined;
  }
  const w = WORDS[locale];
  const sorted = [...followUps].sort(
    (a, b) =>
      a.employerName.localeCompare(b.employerName, 'fr') ||
      a.officeLabel.localeCompare(b.officeLabel, 'fr'),
  );
  return {
    html: markup`<h2 style="margin:24px 0 8px 0;font-size:18px;line-height:1.3;color:${COLORS.text};">${w.heading}</h2>
<p style="margin:0 0 12px 0;">${w.intro}</p>
${sorted.map((followUp) => followUpHtml(followUp, locale))}`,
    text: [
      `${w.heading.toUpperCase()}`,
      w.introText,
      ...sorted.map((followUp) => followUpText(followUp, locale)),
    ].join('\n\n'),
  };
}
