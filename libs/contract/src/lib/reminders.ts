import type {
  BilingualText,
  ReminderDateKind,
  ReminderKind,
} from '@moisson/domain';
import type { Locale } from './auth';

/**
 * Reminders: what the sweep found due, the e-mails it queued (the outbox), each employer's
 * settings, and the OFII follow-up ("relance") links. Instants are ISO 8601, dates 'YYYY-MM-DD'.
 *
 * Routes (the truth for the web app):
 *
 *   GET  /api/notifications?status=&limit=
 *        any signed-in user ('authenticated'): the reminders addressed to them, newest first
 *        -> NotificationsResponse
 *   GET  /api/employers/:employerId/reminder-settings
 *        'employer.read' (the employer's users, firm staff) -> ReminderSettingsResponse
 *   PUT  /api/employers/:employerId/reminder-settings
 *        'employer.reminders.settings' (the employer's owner, firm admins)
 *        body UpdateReminderSettingsRequest -> ReminderSettingsResponse; out-of-bounds values are a 400
 *   GET  /api/employers/:employerId/dossiers/:dossierId/reminders
 *        'employer.read' (tenant-checked, 404 otherwise) -> DossierReminderHistory
 *        (employer users see the reminders sent to the employer; firm staff also the firm's alerts)
 *   GET  /api/firm/reminders/outbox?status=&employerId=&cursor=&limit=
 *        'firm.reminders.outbox' (firm staff and admins) -> Page<ReminderOutboxItem>
 *   POST /api/firm/reminders/outbox/:id/resend
 *        'firm.reminders.outbox': a failed row goes back to pending and is queued at once
 *        -> ReminderOutboxItem; 409 when the row is not failed
 *   POST /api/firm/reminders/sweep
 *        'firm.reminders.sweep' (firm admins): queue a sweep now, body SweepRequest (optional)
 *        -> 202 SweepRequestedResponse
 *   GET  /api/relance/:token
 *        public (the signed link e-mailed to the employer): what confirming will record -> RelanceView
 *   POST /api/relance/:token
 *        public, no body: records "relance envoyée" on each listed dossier's timeline, once
 *        -> RelanceView (confirmedAt set; a second POST changes nothing and answers the same)
 *
 * The relance link in e-mails points at the web page `/relance/:token`, which calls the two routes above.
 */

/** A kind of reminder: @moisson/domain's ReminderKind (labels: REMINDER_KIND_LABELS). */
export type ReminderKindCode = ReminderKind;

/** Who a reminder is for: the employer's people, or the law firm's staff. */
export const REMINDER_AUDIENCES = ['employer', 'firm'] as const;
export type ReminderAudienceCode = (typeof REMINDER_AUDIENCES)[number];

/**
 * An outbox row's life: pending (waiting for its send time, or for a retry after an SMTP refusal),
 * sending (claimed by a worker under a lease), sent (the SMTP server accepted it), failed (every
 * attempt refused: shown to firm staff, who may send it again).
 */
export const REMINDER_OUTBOX_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
] as const;
export type ReminderOutboxStatus = (typeof REMINDER_OUTBOX_STATUSES)[number];

/** One reminder as the notification centre, the outbox and a dossier's history show it. */
export interface ReminderView {
  /** Stable key of the reminder: `${kind}:${dossierId}:${step}:${dueDate}:${audience}`. */
  key: string;
  kind: ReminderKindCode;
  audience: ReminderAudienceCode;
  /** '0', '1'... for repeats; 'd10', 'd3', 'arises', 'once'... */
  step: string;
  /** The day it became due. */
  dueDate: string;
  /** A legal deadline within 3 days, or a fresh refusal: sent at once, not in the daily digest. */
  urgent: boolean;
  /**
   * The date it is about, if any: a last day to act, an expiry, the planned start. `legal`: set by
   * law, computed, to be checked by the firm (show the notice next to it).
   */
  deadline: {
    kind: ReminderDateKind;
    label: BilingualText;
    date: string;
    legal: boolean;
  } | null;
  /** Convocation reminders: days since the file was sent to OFII. */
  daysWaited: number | null;
  employer: { id: string; legalName: string };
  dossier: { id: string; workerName: string; ofiiOffice: string | null };
}

/** GET /api/notifications: one line per reminder addressed to the signed-in user. */
export interface NotificationItem extends ReminderView {
  /** The outbox row (one per reminder and recipient). */
  id: string;
  status: ReminderOutboxStatus;
  /** When it goes out: the recipient's next 07:00 Europe/Paris digest, or at once when urgent. */
  sendAfter: string;
  sentAt: string | null;
  createdAt: string;
}

/** GET /api/notifications?status=pending|sending|sent|failed&limit= (default 50, at most 200) */
export interface NotificationsQuery {
  status?: ReminderOutboxStatus;
  limit?: number;
}

export interface NotificationsResponse {
  items: NotificationItem[];
  /** Rows not yet sent (pending or sending) among all those addressed to the user. */
  pendingCount: number;
}

/** GET/PUT /api/employers/:employerId/reminder-settings */
export interface ReminderSettingsResponse {
  employerId: string;
  /** Days in AWAITING_OFII before the first "convocation overdue" reminder (default 30). */
  convocationOverdueDays: number;
  /** Days between two convocation reminders while the dossier waits (default 14). */
  convocationRepeatDays: number;
  /** Language of the employer's reminder e-mails (default 'fr'). */
  language: Locale;
  /** Addresses that receive the employer's reminders besides its active users. */
  extraRecipients: string[];
  /** False until the owner saves the settings once (the defaults apply until then). */
  customised: boolean;
  updatedAt: string | null;
}

/**
 * PUT body: every field optional; a field left out keeps its value. The bounds are
 * @moisson/domain's REMINDER_SETTINGS_BOUNDS (validateReminderSettings): a value outside them is a
 * 400 naming the field, and nothing is saved.
 */
export interface UpdateReminderSettingsRequest {
  convocationOverdueDays?: number;
  convocationRepeatDays?: number;
  language?: Locale;
  extraRecipients?: string[];
}

/** One delivery of a reminder (one outbox row) in a dossier's history. */
export interface ReminderDelivery {
  id: string;
  recipient: string;
  status: ReminderOutboxStatus;
  attempts: number;
  sendAfter: string;
  sentAt: string | null;
  lastError: string | null;
}

/** GET .../dossiers/:dossierId/reminders: every reminder of the dossier, newest due first. */
export interface DossierReminderHistory {
  dossierId: string;
  reminders: Array<ReminderView & { deliveries: ReminderDelivery[] }>;
  /** "Relance envoyée" confirmations recorded on this dossier (also on its timeline). */
  relances: Array<{ confirmedAt: string; ofiiOffice: string }>;
}

/** GET /api/firm/reminders/outbox?status=&employerId=&cursor=&limit= (newest first). */
export interface ReminderOutboxQuery {
  status?: ReminderOutboxStatus;
  employerId?: string;
  cursor?: string;
  limit?: number;
}

export interface ReminderOutboxItem extends ReminderView {
  id: string;
  recipient: string;
  locale: Locale;
  status: ReminderOutboxStatus;
  attempts: number;
  lastError: string | null;
  sendAfter: string;
  /** While status is 'sending': the claim's end; another worker may take the row after it. */
  leaseUntil: string | null;
  sentAt: string | null;
  /** Message-ID the SMTP server accepted (one digest carries several rows). */
  messageId: string | null;
  /** Times firm staff sent it again. */
  resendCount: number;
  createdAt: string;
}

/** POST /api/firm/reminders/sweep body (may be empty). */
export interface SweepRequest {
  /**
   * Also send now the digests waiting for tomorrow's 07:00 (a demo, a test, a day the digest must go
   * out early). Urgent reminders always go at once.
   */
  sendDigestsNow?: boolean;
}

/** POST /api/firm/reminders/sweep -> 202 */
export interface SweepRequestedResponse {
  /** The queued sweep job (one per minute: clicking twice queues one). */
  jobId: string;
  requestedAt: string;
}

/** One worker listed by a relance (passport number masked on this public page). */
export interface RelanceWorkerView {
  dossierId: string;
  workerName: string;
  passportNumberMasked: string;
  permitNumber: string | null;
  transmittedOn: string | null;
  daysWaited: number | null;
}

/** GET/POST /api/relance/:token */
export interface RelanceView {
  employer: { legalName: string };
  ofiiOffice: { code: string; label: string };
  /** The day the follow-up was prepared (the digest's day, Europe/Paris). */
  preparedOn: string;
  workers: RelanceWorkerView[];
  /** The formal French message sent to the OFII office (composeOfiiFollowUp), passport numbers left out here. */
  subject: string;
  body: string;
  /** Set once "relance envoyée" was recorded on the dossiers. */
  confirmedAt: string | null;
  expiresAt: string;
}
