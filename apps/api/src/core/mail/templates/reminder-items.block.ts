import { COLORS, httpUrl, MailBlock, MailInline } from '../mail-layout';
import { markup, SafeHtml } from '../mail-html';
import { MailLocale } from '../mail-template';
import { ReminderMailItem } from './reminder-mail.data';
import {
  inlineText,
  itemDetail,
  KIND_ORDER,
  kindLabel,
  plural,
} from './reminder-mail.words';

interface EmployerGroup {
  readonly employerName: string;
  readonly kinds: ReadonlyArray<{
    readonly kind: ReminderMailItem['kind'];
    readonly items: readonly ReminderMailItem[];
  }>;
}

/** Longest wait first, then the soonest date, then by name. */
function byUrgency(a: ReminderMailItem, b: ReminderMailItem): number {
  const dateA = a.deadline?.date ?? a.dueDate;
  const dateB = b.deadline?.date ?? b.dueDate;
  return (
    (b.daysWaited ?? 0) - (a.daysWaited ?? 0) ||
    dateA.localeCompare(dateB) ||
    a.workerName.localeCompare(b.workerName, 'fr')
  );
}

/** Items grouped by employer (alphabetical), then by kind (KIND_ORDER). */
export function groupItems(
  items: readonly ReminderMailItem[],
): EmployerGroup[] {
  const employers = [...new Set(items.map((i) => i.employerName))].sort(
    (a, b) => a.localeCompare(b, 'fr'),
  );
  return employers.map((employerName) => {
    const own = items.filter((i) => i.employerName === employerName);
    return {
      employerName,
      kinds: KIND_ORDER.map((kind) => ({
        kind,
        items: own.filter((i) => i.kind === kind).sort(byUrgency),
      })).filter((group) => group.items.length > 0),
    };
  });
}

function inlineHtml(parts: readonly MailInline[]): SafeHtml {
  return markup`${parts.map((part) =>
    typeof part === 'string' ? part : markup`<strong>${part.strong}</strong>`,
  )}`;
}

function itemHtml(item: ReminderMailItem, locale: MailLocale): SafeHtml {
  const url = httpUrl(item.dossierUrl);
  return markup`<tr><td style="padding:8px 0 8px 12px;border-left:3px solid ${COLORS.accent};">
<a href="${url}" target="_blank" rel="noopener" style="color:${COLORS.brand};font-weight:bold;text-decoration:underline;">${item.workerName}</a><br>
<span style="font-size:14px;line-height:1.5;">${inlineHtml(itemDetail(item, locale))}</span>
</td></tr>
<tr><td style="height:6px;line-height:6px;font-size:1px;">&nbsp;</td></tr>`;
}

/**
 * The digest's list of reminders: a heading per employer (when several, or for the firm), a
 * sub-heading per kind with its count, and one entry per worker with a link to the dossier.
 */
export function reminderItemsBlock(
  items: readonly ReminderMailItem[],
  locale: MailLocale,
  showEmployers: boolean,
): MailBlock {
  const groups = groupItems(items);
  const heading = locale === 'fr' ? 'Tous les rappels' : 'All reminders';
  const html = markup`<h2 style="margin:24px 0 8px 0;font-size:18px;line-height:1.3;color:${COLORS.text};">${heading}</h2>
${groups.map(
  (group) =>
    markup`${
      showEmployers
        ? markup`<h3 style="margin:20px 0 4px 0;padding:6px 8px;background-color:${COLORS.page};font-size:17px;line-height:1.3;color:${COLORS.text};">${group.employerName}</h3>`
        : ''
    }${group.kinds.map(
      ({
        kind,
        items: list,
      }) => markup`<h4 style="margin:16px 0 8px 0;font-size:16px;line-height:1.3;color:${COLORS.brand};">${kindLabel(kind, locale)} <span style="font-weight:normal;color:${COLORS.muted};">- ${plural(list.length, 'dossier', 'dossiers')}</span></h4>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 8px 0;">
${list.map((item) => itemHtml(item, locale))}
</table>`,
    )}`,
)}`;
  const text = [
    heading.toUpperCase(),
    ...groups.map((group) =>
      [
        ...(showEmployers ? [`== ${group.employerName} ==`] : []),
        ...group.kinds.map(({ kind, items: list }) =>
          [
            `${kindLabel(kind, locale)} - ${plural(list.length, 'dossier', 'dossiers')}`,
            ...list.map(
              (item) =>
                `- ${item.workerName}${locale === 'fr' ? '\u00a0: ' : ': '}${inlineText(itemDetail(item, locale))}\n  ${httpUrl(item.dossierUrl)}`,
            ),
          ].join('\n'),
        ),
      ].join('\n\n'),
    ),
  ].join('\n\n');
  return { html, text };
}
