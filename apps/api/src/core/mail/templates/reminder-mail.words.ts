import {
  COMPUTED_DEADLINE_NOTICE,
  formatFrenchDate,
  REMINDER_KIND_LABELS,
  ReminderKind,
} from '@moisson/domain';
import { MailInline } from '../mail-layout';
import { MailLocale } from '../mail-template';
import { ReminderMailItem } from './reminder-mail.data';

/** The order in which a digest lists the kinds: what cannot wait first. */
export const KIND_ORDER: readonly ReminderKind[] = [
  'refusal_recorded',
  'implicit_decision',
  'crrv_deadline',
  'court_deadline',
  'card_application_due',
  'convocation_start_at_risk',
  'convocation_wait_firm',
  'convocation_overdue',
  'stay_cap',
  'document_expiry',
];

export function kindLabel(kind: ReminderKind, locale: MailLocale): string {
  return REMINDER_KIND_LABELS[kind][locale];
}

/** 'YYYY-MM-DD' -> 'dd/mm/yyyy' in both languages, like the web app. */
export function shownDate(date: string): string {
  return formatFrenchDate(date);
}

function colon(locale: MailLocale): string {
  return locale === 'fr' ? '\u00a0: ' : ': ';
}

function days(count: number, locale: MailLocale): string {
  if (locale === 'en') return count === 1 ? '1 day' : `${count} days`;
  return count > 1 ? `${count}\u00a0jours` : `${count}\u00a0jour`;
}

/** Kinds whose date is a last day to act (an appeal, an application), not a mere date. */
const LAST_DAY_KINDS: readonly ReminderKind[] = [
  'refusal_recorded',
  'crrv_deadline',
  'court_deadline',
  'card_application_due',
];

/** True when the item's date is the last day to act on something. */
function isLastDay(item: ReminderMailItem): boolean {
  return (
    LAST_DAY_KINDS.includes(item.kind) ||
    // An implicit refusal of a visa or appeal opens a new appeal; a card refusal's date is itself.
    (item.kind === 'implicit_decision' && item.deadline?.date !== item.dueDate)
  );
}

/**
 * "label: last day dd/mm/yyyy (computed - to be checked by the firm)" for the date a reminder
 * is about; the notice goes with every date set by law.
 */
function deadlinePhrase(
  item: ReminderMailItem,
  locale: MailLocale,
): MailInline[] {
  const deadline = item.deadline;
  if (!deadline) return [];
  const lastDay = isLastDay(item)
    ? locale === 'fr'
      ? 'dernier jour le '
      : 'last day '
    : '';
  return [
    `${deadline.label[locale]}${colon(locale)}${lastDay}`,
    { strong: shownDate(deadline.date) },
    ...(deadline.legal ? [` (${COMPUTED_DEADLINE_NOTICE[locale]})`] : []),
    '.',
  ];
}

/** What a reminder says about its dossier, in one or two sentences. */
export function itemDetail(
  item: ReminderMailItem,
  locale: MailLocale,
): MailInline[] {
  const fr = locale === 'fr';
  const waited =
    item.daysWaited === undefined
      ? []
      : fr
        ? [
            `Transmis à l’OFII il y a ${days(item.daysWaited, locale)}, toujours sans convocation.`,
          ]
        : [
            `Sent to OFII ${days(item.daysWaited, locale)} ago, still no convocation.`,
          ];
  const deadline = deadlinePhrase(item, locale);
  const join = (...parts: MailInline[][]): MailInline[] =>
    parts
      .filter((part) => part.length > 0)
      .flatMap((part, i) => (i === 0 ? part : [' ', ...part]));
  switch (item.kind) {
    case 'convocation_overdue':
    case 'convocation_wait_firm':
      return waited.length > 0 ? waited : deadline;
    case 'convocation_start_at_risk':
      return join(
        deadline,
        [
          fr
            ? '- pas encore de convocation OFII.'
            : '- no OFII convocation yet.',
        ],
        waited,
      );
    case 'refusal_recorded':
      return join(
        [
          fr ? 'Refus enregistré le ' : 'Refusal recorded on ',
          { strong: shownDate(item.dueDate) },
          '.',
        ],
        deadline,
      );
    case 'implicit_decision':
      return join(
        [
          fr
            ? 'Sans réponse de l’administration, une décision implicite de rejet est née le '
            : 'With no answer from the administration, an implicit rejection arose on ',
          { strong: shownDate(item.dueDate) },
          '.',
        ],
        deadline,
      );
    case 'crrv_deadline':
    case 'court_deadline':
      return join(deadline, [
        fr ? 'Aucun recours enregistré.' : 'No appeal recorded.',
      ]);
    default:
      return deadline;
  }
}

export function inlineText(parts: readonly MailInline[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : part.strong))
    .join('');
}

export function plural(count: number, one: string, many: string): string {
  return `${count}\u00a0${count > 1 ? many : one}`;
}
