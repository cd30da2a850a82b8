import type { DueReminder } from '@moisson/domain';
import type { EntityManager } from 'typeorm';
import type { ReminderOutboxDetails } from './entities/reminder-outbox.entity';
import type { ReminderRecipient } from './reminder-recipients';

/** One outbox row to insert: a due reminder for one recipient. */
export interface NewOutboxRow {
  reminder: DueReminder;
  recipient: ReminderRecipient;
  sendAfter: Date;
}

/** The reminder's data besides its key columns, kept in `details`. */
export function detailsOf(reminder: DueReminder): ReminderOutboxDetails {
  const details: ReminderOutboxDetails = {};
  if (reminder.deadline) details.deadline = { ...reminder.deadline };
  if (reminder.daysWaited !== undefined)
    details.daysWaited = reminder.daysWaited;
  if (reminder.ofiiOffice !== undefined)
    details.ofiiOffice = reminder.ofiiOffice;
  if (reminder.document) details.document = { ...reminder.document };
  if (reminder.implicitDecision)
    details.implicitDecision = { ...reminder.implicitDecision };
  return details;
}

/**
 * Inserts the rows in one statement (arrays unnested), ignoring every (reminder_key, recipient)
 * already present: the same reminder found by a second sweep, or by two sweeps at once, is written
 * once. Returns how many rows are new.
 */
export async function insertOutboxRows(
  manager: EntityManager,
  rows: readonly NewOutboxRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = {
    key: [] as string[],
    recipient: [] as string[],
    locale: [] as string[],
    kind: [] as string[],
    audience: [] as string[],
    step: [] as string[],
    dueDate: [] as string[],
    urgent: [] as boolean[],
    details: [] as string[],
    employerId: [] as string[],
    dossierId: [] as string[],
    sendAfter: [] as string[],
  };
  for (const { reminder, recipient, sendAfter } of rows) {
    columns.key.push(reminder.key);
    columns.recipient.push(recipient.address);
    columns.locale.push(recipient.locale);
    columns.kind.push(reminder.kind);
    columns.audience.push(reminder.audience);
    columns.step.push(reminder.step);
    columns.dueDate.push(reminder.dueDate);
    columns.urgent.push(reminder.urgent);
    columns.details.push(JSON.stringify(detailsOf(reminder)));
    columns.employerId.push(reminder.employerId);
    columns.dossierId.push(reminder.dossierId);
    columns.sendAfter.push(sendAfter.toISOString());
  }
  const inserted: unknown[] = await manager.query(
    `INSERT INTO reminder_outbox
       (reminder_key, recipient, locale, kind, audience, step, due_date, urgent, details,
        employer_id, dossier_id, send_after)
     SELECT * FROM unnest($1::text[], $2::text[], $3::varchar[], $4::varchar[], $5::varchar[],
                          $6::varchar[], $7::date[], $8::boolean[], $9::jsonb[], $10::uuid[],
                          $11::uuid[], $12::timestamptz[])
     ON CONFLICT (reminder_key, recipient) DO NOTHING
     RETURNING 1`,
    Object.values(columns),
  );
  return inserted.length;
}
