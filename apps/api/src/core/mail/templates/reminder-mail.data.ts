import type {
  BilingualText,
  ReminderAudience,
  ReminderKind,
} from '@moisson/domain';

/** One reminder as an e-mail shows it (built by the reminders module from an outbox row). */
export interface ReminderMailItem {
  kind: ReminderKind;
  audience: ReminderAudience;
  /** 'SURNAME Given names' as the portal shows them. */
  workerName: string;
  employerName: string;
  /** Absolute http(s) link to the dossier page. */
  dossierUrl: string;
  /** 'YYYY-MM-DD': the day the reminder fell due. */
  dueDate: string;
  /** The date it is about; `legal` ones carry the "computed - to be checked" notice. */
  deadline?: { label: BilingualText; date: string; legal: boolean };
  /** Convocation reminders: days since the file was sent to OFII. */
  daysWaited?: number;
}

/** A ready-to-send follow-up to one OFII office, for one employer's waiting workers. */
export interface OfiiFollowUpMailBlock {
  /** e.g. 'OFII Casablanca'. */
  officeLabel: string;
  employerName: string;
  /** From @moisson/domain's composeOfiiFollowUp: formal French, one line. */
  subject: string;
  /** From composeOfiiFollowUp: plain text, lines separated by '\n'. */
  body: string;
  /** Absolute http(s) link that records "relance envoyée" on each listed dossier. */
  relanceUrl: string;
  /** How many workers the follow-up lists. */
  workers: number;
}

export interface ReminderDigestMailData {
  /** Used in the greeting when known. */
  recipientName?: string;
  /** The employer, when every item is about one employer (employer digests). */
  employerName?: string;
  audience: ReminderAudience;
  items: ReminderMailItem[];
  followUps: OfiiFollowUpMailBlock[];
  /** Absolute http(s) link to the portal (the notification centre lives there). */
  portalUrl: string;
}

export interface ReminderUrgentMailData {
  item: ReminderMailItem;
  portalUrl: string;
}
