import { DEFAULT_CONVOCATION_OVERDUE_DAYS } from '@moisson/domain';

/**
 * The employer's "convocation overdue after" days as SQL: its reminder setting, else the domain's
 * default. The one threshold of the reminders, the dossier list's flag and filter, the dashboard and
 * the firm overview. `employer` is an SQL expression of the employer id: a placeholder (`$1`; then
 * PostgreSQL reads the setting once per statement and an index range can use it) or a column of the
 * outer query (`e.id`; one primary-key probe per employer row).
 */
export function convocationOverdueDaysSql(employer: string): string {
  return `coalesce((SELECT rs.convocation_overdue_days FROM "reminder_settings" rs
    WHERE rs.employer_id = ${employer}::uuid), ${DEFAULT_CONVOCATION_OVERDUE_DAYS})`;
}
