/** Staff of the law firm that runs the portal. */
export const FIRM_ROLES = ['firm_admin', 'firm_staff'] as const;
/** Users of an employer account (a farm): the tenants. */
export const EMPLOYER_ROLES = ['employer_owner', 'employer_member'] as const;
export const USER_ROLES = [...FIRM_ROLES, ...EMPLOYER_ROLES] as const;

export type FirmRole = (typeof FIRM_ROLES)[number];
export type EmployerRole = (typeof EMPLOYER_ROLES)[number];
export type UserRole = (typeof USER_ROLES)[number];

export function isFirmRole(role: UserRole): role is FirmRole {
  return (FIRM_ROLES as readonly string[]).includes(role);
}

/**
 * What a route may require. Every route declares exactly one (or is public); the API's global guard
 * grants it from the user's role. Tenant scope (which employer) is checked by the services.
 */
export const PERMISSIONS = [
  /** Any signed-in user (with two-factor passed when required). */
  'authenticated',
  /** Read an employer's account: its own users for their employer, firm staff for every employer. */
  'employer.read',
  /** See an employer's users and invitations: its owner for their employer, firm staff for every employer. */
  'employer.users.read',
  /** Manage an employer's users: its owner for their employer, firm admins for every employer. */
  'employer.users.manage',
  /**
   * Create and change an employer's workers, campaigns and dossiers (transitions included): its own
   * users for their employer, firm staff and admins for every employer (the firm acts for them).
   */
  'employer.dossiers.write',
  /** See every employer (firm staff and admins). */
  'firm.read',
  /** Restore a deleted document, and list deleted documents (firm staff and admins). */
  'firm.documents.restore',
  /** Create and edit employers, staff and the audit log (firm admins). */
  'firm.admin',
  /** Change an employer's reminder settings: its owner for their employer, firm admins for every employer. */
  'employer.reminders.settings',
  /** See the reminder outbox of every employer and send a failed reminder again (firm staff and admins). */
  'firm.reminders.outbox',
  /** Run the reminder sweep now instead of waiting for the hourly one (firm admins). */
  'firm.reminders.sweep',
  /** The firm console: employers overview, cross-employer deadlines and calendar, analytics (firm staff and admins). */
  'firm.console',
  /** Write notes on an employer or a dossier, internal or shared with the employer (firm staff and admins). */
  'firm.notes.write',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  firm_admin: [
    'authenticated',
    'employer.read',
    'employer.users.read',
    'employer.users.manage',
    'employer.dossiers.write',
    'firm.read',
    'firm.documents.restore',
    'firm.admin',
    'employer.reminders.settings',
    'firm.reminders.outbox',
    'firm.reminders.sweep',
    'firm.console',
    'firm.notes.write',
  ],
  firm_staff: [
    'authenticated',
    'employer.read',
    'employer.users.read',
    'employer.dossiers.write',
    'firm.read',
    'firm.documents.restore',
    'firm.reminders.outbox',
    'firm.console',
    'firm.notes.write',
  ],
  employer_owner: [
    'authenticated',
    'employer.read',
    'employer.users.read',
    'employer.users.manage',
    'employer.dossiers.write',
    'employer.reminders.settings',
  ],
  employer_member: [
    'authenticated',
    'employer.read',
    'employer.dossiers.write',
  ],
};

export function roleHasPermission(
  role: UserRole,
  permission: Permission,
): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
