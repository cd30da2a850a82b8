export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.locked_out',
  'auth.totp_failed',
  'auth.sign_out',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'auth.recovery_code_used',
  'invitation.created',
  'invitation.accepted',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'employer.created',
  'employer.updated',
  'document.read',
  /** Documents: details hold documentId, dossierId, workerId, type. */
  'document.uploaded',
  'document.deleted',
  'document.restored',
  'passport_number.read',
  /** Workers (and dossiers) created from a spreadsheet: details hold the counts. */
  'workers.imported',
  /** Notes (firm console): details hold dossierId and visibility (never the text). */
  'note.created',
  'note.updated',
  'note.deleted',
  /**
   * A firm staff member's write on an employer's routes (acting for the employer): details hold
   * the route, the staff member's name and the path's ids.
   */
  'firm.acted_for_employer',
  /** Calendar feeds: details hold the scope. */
  'calendar_feed.created',
  'calendar_feed.rotated',
  'calendar_feed.revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventResponse {
  id: string;
  at: string;
  action: AuditAction;
  actor: { id: string | null; email: string | null };
  employerId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
