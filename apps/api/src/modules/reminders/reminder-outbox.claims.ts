import type { DataSource } from 'typeorm';
import type {
  Locale,
  ReminderAudienceCode,
  ReminderKindCode,
} from '@moisson/contract';
import type { ReminderOutboxDetails } from './entities/reminder-outbox.entity';

/**
 * How long a claim holds its rows. Far longer than one SMTP exchange (socket timeout 30 s), so a
 * live worker never loses its rows to another; a dead worker's rows are claimable again after it.
 */
export const REMINDER_LEASE_MS = 5 * 60_000;

/** An outbox row claimed for sending. */
export interface ClaimedRow {
  id: string;
  reminder_key: string;
  recipient: string;
  locale: Locale;
  kind: ReminderKindCode;
  audience: ReminderAudienceCode;
  step: string;
  due_date: string;
  urgent: boolean;
  details: ReminderOutboxDetails;
  employer_id: string;
  dossier_id: string;
}

/** Claimable: pending and due, or claimed under a lease that ran out (a worker died mid-send). */
const CLAIMABLE = `send_after <= $1
  AND status IN ('pending', 'sending')
  AND (status = 'pending' OR lease_until < $1)`;

const RETURNING = `RETURNING id, reminder_key, recipient, locale, kind, audience, step,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, urgent, details, employer_id, dossier_id`;

/**
 * Claims, in one statement, every due unsent non-urgent row of `recipient`: status 'sending', a
 * lease until now + REMINDER_LEASE_MS, the claim's token. FOR UPDATE SKIP LOCKED makes two workers
 * claiming at once take disjoint rows; the status test makes a later claim skip taken rows.
 */
export async function claimDigestRows(
  dataSource: DataSource,
  recipient: string,
  now: Date,
  token: string,
): Promise<ClaimedRow[]> {
  const [rows] = (await dataSource.query(
    `UPDATE reminder_outbox o
        SET status = 'sending', lease_until = $2, leased_by = $3,
            attempts = o.attempts + 1, updated_at = now()
      WHERE o.id IN (
        SELECT id FROM reminder_outbox
         WHERE recipient = $4 AND urgent = false AND ${CLAIMABLE}
         ORDER BY due_date, id
         FOR UPDATE SKIP LOCKED)
      ${RETURNING}`,
    [now, leaseEnd(now), token, recipient],
  )) as [ClaimedRow[], number];
  return rows.sort(
    (a, b) => a.due_date.localeCompare(b.due_date) || a.id.localeCompare(b.id),
  );
}

/** Claims one urgent row, the same way. */
export async function claimUrgentRow(
  dataSource: DataSource,
  outboxId: string,
  now: Date,
  token: string,
): Promise<ClaimedRow | undefined> {
  const [rows] = (await dataSource.query(
    `UPDATE reminder_outbox o
        SET status = 'sending', lease_until = $2, leased_by = $3,
            attempts = o.attempts + 1, updated_at = now()
      WHERE o.id IN (
        SELECT id FROM reminder_outbox
         WHERE id = $4 AND ${CLAIMABLE}
         FOR UPDATE SKIP LOCKED)
      ${RETURNING}`,
    [now, leaseEnd(now), token, outboxId],
  )) as [ClaimedRow[], number];
  return rows[0];
}

/** Once the SMTP server accepted the message: only the claim that holds the rows may mark them. */
export async function markSent(
  dataSource: DataSource,
  ids: readonly string[],
  token: string,
  now: Date,
  messageId: string,
): Promise<number> {
  const [, count] = (await dataSource.query(
    `UPDATE reminder_outbox
        SET status = 'sent', sent_at = $3, message_id = $4, lease_until = NULL,
            leased_by = NULL, last_error = NULL, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND leased_by = $2 AND status = 'sending'`,
    [ids, token, now, messageId],
  )) as [unknown[], number];
  return count;
}

/**
 * After a refused or failed attempt: back to 'pending' for the retry BullMQ schedules, or 'failed'
 * after the last attempt (listed for firm staff, who may send it again).
 */
export async function markAttemptFailed(
  dataSource: DataSource,
  ids: readonly string[],
  token: string,
  error: string,
  final: boolean,
): Promise<void> {
  await dataSource.query(
    `UPDATE reminder_outbox
        SET status = $3, last_error = $4, lease_until = NULL, leased_by = NULL, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND leased_by = $2 AND status = 'sending'`,
    [ids, token, final ? 'failed' : 'pending', error.slice(0, 1000)],
  );
}

function leaseEnd(now: Date): Date {
  return new Date(now.getTime() + REMINDER_LEASE_MS);
}
