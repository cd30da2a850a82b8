import type { Locale } from '@moisson/contract';
import {
  DEFAULT_REMINDER_SETTINGS,
  ReminderAudience,
  ReminderSettings,
} from '@moisson/domain';
import type { EntityManager } from 'typeorm';

/** One address a reminder goes to, in its language. */
export interface ReminderRecipient {
  address: string;
  locale: Locale;
}

/**
 * Who receives the reminders of a batch of employers, loaded in three queries:
 * - the employer's audience: its active users (owners and members) and the settings' extra
 *   addresses, all in the settings' language;
 * - the firm's audience: the lawyer assigned to the employer when there is an active one, else
 *   every active firm user (admins and staff), each in their own language.
 */
export class ReminderRecipients {
  private constructor(
    private readonly settings: Map<string, ReminderSettings>,
    private readonly employerUsers: Map<string, string[]>,
    private readonly assignedStaff: Map<string, ReminderRecipient>,
    private readonly firmStaff: ReminderRecipient[],
  ) {}

  static async load(
    manager: EntityManager,
    employerIds: readonly string[],
    firmStaff?: ReminderRecipient[],
  ): Promise<ReminderRecipients> {
    const [settingsRows, userRows, assignedRows, staff] = await Promise.all([
      manager.query(
        `SELECT employer_id, convocation_overdue_days, convocation_repeat_days, language, extra_recipients
           FROM reminder_settings WHERE employer_id = ANY($1::uuid[])`,
        [employerIds],
      ) as Promise<SettingsRow[]>,
      manager.query(
        `SELECT employer_id, lower(email) AS email FROM app_user
          WHERE employer_id = ANY($1::uuid[]) AND disabled_at IS NULL
          ORDER BY employer_id, email`,
        [employerIds],
      ) as Promise<Array<{ employer_id: string; email: string }>>,
      manager.query(
        `SELECT e.id AS employer_id, lower(u.email) AS email, u.locale
           FROM employer e JOIN app_user u ON u.id = e.assigned_staff_id AND u.disabled_at IS NULL
          WHERE e.id = ANY($1::uuid[])`,
        [employerIds],
      ) as Promise<
        Array<{ employer_id: string; email: string; locale: Locale }>
      >,
      firmStaff ? Promise.resolve(firmStaff) : loadFirmStaff(manager),
    ]);
    const settings = new Map(
      settingsRows.map((r) => [r.employer_id, settingsOf(r)]),
    );
    const users = new Map<string, string[]>();
    for (const row of userRows) {
      const list = users.get(row.employer_id) ?? [];
      list.push(row.email);
      users.set(row.employer_id, list);
    }
    const assigned = new Map(
      assignedRows.map((r) => [
        r.employer_id,
        { address: r.email, locale: r.locale },
      ]),
    );
    return new ReminderRecipients(settings, users, assigned, staff);
  }

  /** The firm's active staff, for reuse across the batches of one sweep. */
  get staff(): ReminderRecipient[] {
    return this.firmStaff;
  }

  settingsOf(employerId: string): ReminderSettings {
    return this.settings.get(employerId) ?? DEFAULT_REMINDER_SETTINGS;
  }

  recipientsOf(
    employerId: string,
    audience: ReminderAudience,
  ): ReminderRecipient[] {
    if (audience === 'firm') {
      const assigned = this.assignedStaff.get(employerId);
      return assigned ? [assigned] : this.firmStaff;
    }
    const settings = this.settingsOf(employerId);
    const addresses = new Set([
      ...(this.employerUsers.get(employerId) ?? []),
      ...settings.extraRecipients.map((a) => a.toLowerCase()),
    ]);
    return [...addresses].map((address) => ({
      address,
      locale: settings.language,
    }));
  }
}

interface SettingsRow {
  employer_id: string;
  convocation_overdue_days: number;
  convocation_repeat_days: number;
  language: Locale;
  extra_recipients: string[];
}

function settingsOf(row: SettingsRow): ReminderSettings {
  return {
    convocationOverdueDays: row.convocation_overdue_days,
    convocationRepeatDays: row.convocation_repeat_days,
    language: row.language,
    extraRecipients: row.extra_recipients ?? [],
  };
}

/** Every active firm user (admins and staff): the firm's recipients when no lawyer is assigned. */
export async function loadFirmStaff(
  manager: EntityManager,
): Promise<ReminderRecipient[]> {
  const rows: Array<{ email: string; locale: Locale }> = await manager.query(
    `SELECT lower(email) AS email, locale FROM app_user
      WHERE role IN ('firm_admin', 'firm_staff') AND disabled_at IS NULL
      ORDER BY email`,
  );
  return rows.map((r) => ({ address: r.email, locale: r.locale }));
}
