import type {
  Locale,
  ReminderAudienceCode,
  ReminderKindCode,
  ReminderOutboxItem,
  ReminderOutboxStatus,
  ReminderView,
} from '@moisson/contract';
import { reminderDateLabel, ReminderDateKind } from '@moisson/domain';
import type { ReminderOutboxDetails } from './entities/reminder-outbox.entity';

/** The columns every reminder read selects (outbox row, its dossier's worker and employer). */
export const OUTBOX_VIEW_COLUMNS = `
  o.id, o.reminder_key, o.kind, o.audience, o.step, to_char(o.due_date, 'YYYY-MM-DD') AS due_date,
  o.urgent, o.details, o.employer_id, o.dossier_id, o.recipient, o.locale, o.status, o.attempts,
  o.last_error, o.send_after, o.lease_until, o.sent_at, o.message_id, o.resend_count, o.created_at,
  e.legal_name, w.surname, w.given_names, d.ofii_office`;

export const OUTBOX_VIEW_JOINS = `
  JOIN dossier d ON d.id = o.dossier_id
  JOIN worker w ON w.id = d.worker_id
  JOIN employer e ON e.id = o.employer_id`;

export interface OutboxViewRow {
  id: string;
  reminder_key: string;
  kind: ReminderKindCode;
  audience: ReminderAudienceCode;
  step: string;
  due_date: string;
  urgent: boolean;
  details: ReminderOutboxDetails;
  employer_id: string;
  dossier_id: string;
  recipient: string;
  locale: Locale;
  status: ReminderOutboxStatus;
  attempts: number;
  last_error: string | null;
  send_after: Date;
  lease_until: Date | null;
  sent_at: Date | null;
  message_id: string | null;
  resend_count: number;
  created_at: Date;
  legal_name: string;
  surname: string;
  given_names: string;
  ofii_office: string | null;
}

export function toReminderView(row: OutboxViewRow): ReminderView {
  const deadline = row.details?.deadline;
  return {
    key: row.reminder_key,
    kind: row.kind,
    audience: row.audience,
    step: row.step,
    dueDate: row.due_date,
    urgent: row.urgent,
    deadline: deadline
      ? {
          kind: deadline.kind as ReminderDateKind,
          label: reminderDateLabel(deadline.kind as ReminderDateKind),
          date: deadline.date,
          legal: deadline.legal,
        }
      : null,
    daysWaited: row.details?.daysWaited ?? null,
    employer: { id: row.employer_id, legalName: row.legal_name },
    dossier: {
      id: row.dossier_id,
      workerName: `${row.surname} ${row.given_names}`,
      ofiiOffice: row.ofii_office ?? row.details?.ofiiOffice ?? null,
    },
  };
}

export function toOutboxItem(row: OutboxViewRow): ReminderOutboxItem {
  return {
    ...toReminderView(row),
    id: row.id,
    recipient: row.recipient,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    sendAfter: row.send_after.toISOString(),
    leaseUntil:
      row.status === 'sending'
        ? (row.lease_until?.toISOString() ?? null)
        : null,
    sentAt: row.sent_at?.toISOString() ?? null,
    messageId: row.message_id,
    resendCount: row.resend_count,
    createdAt: row.created_at.toISOString(),
  };
}
