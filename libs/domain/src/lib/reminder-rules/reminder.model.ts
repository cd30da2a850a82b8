import { BilingualText } from '../bilingual-text.model';
import { CalendarDate } from '../calendar/calendar-date.util';
import {
  DossierClockKind,
  dossierClockLabel,
} from '../dossier-deadlines/dossier-clock.model';
import { DossierSnapshot } from '../dossier-deadlines/dossier-snapshot.model';
import { LegalDeadlineKind } from '../legal-deadline/legal-deadline-rule.model';

/** Every reminder the product sends (domain reference, section 5). */
export const REMINDER_KINDS = [
  /** Employer: AWAITING_OFII for `convocationOverdueDays`, then every `convocationRepeatDays`. */
  'convocation_overdue',
  /** Firm: the dossier has waited 60 days for its OFII convocation (once). */
  'convocation_wait_firm',
  /** Firm: planned start 21 days away or less and still no convocation (once). */
  'convocation_start_at_risk',
  /** Firm: a visa, CRRV or court refusal was recorded (once; urgent while fresh). */
  'refusal_recorded',
  /** Employer and firm: 10 and 3 days before the CRRV appeal deadline, no appeal recorded. */
  'crrv_deadline',
  /** Employer and firm: 15 and 5 days before the Nantes court deadline, no appeal recorded. */
  'court_deadline',
  /** Employer and firm: the day an implicit visa refusal, CRRV rejection or card refusal arises. */
  'implicit_decision',
  /** Employer: the seasonal card application is due (arrival + 2 months), 14 days before. */
  'card_application_due',
  /** Employer: the 6-month seasonal stay cap, 14 days before. */
  'stay_cap',
  /** Employer: passport, work permit, visa or residence card expiry, 60 and 14 days before. */
  'document_expiry',
] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who receives a reminder: the employer's people, or the law firm's staff. */
export type ReminderAudience = 'employer' | 'firm';

export const REMINDER_DOCUMENT_KINDS = [
  'passport',
  'work_permit',
  'visa',
  'residence_card',
] as const;

export type ReminderDocumentKind = (typeof REMINDER_DOCUMENT_KINDS)[number];

/** The implicit decisions announced on the day they arise. */
export type ImplicitDecisionKind = Extract<
  LegalDeadlineKind,
  'implicit_visa_refusal' | 'implicit_crrv_rejection' | 'implicit_card_refusal'
>;

/** What the date a reminder is about is: a dossier clock, the planned start or a passport expiry. */
export type ReminderDateKind =
  | DossierClockKind
  | 'planned_start'
  | 'passport_expiry';

const EXTRA_DATE_LABELS: Readonly<
  Record<Exclude<ReminderDateKind, DossierClockKind>, BilingualText>
> = {
  planned_start: { fr: "Date d'embauche prévue", en: 'Planned start date' },
  passport_expiry: {
    fr: 'Fin de validité du passeport',
    en: 'Passport expiry',
  },
};

/** The French and English label of the date a reminder is about. */
export function reminderDateLabel(kind: ReminderDateKind): BilingualText {
  return kind === 'planned_start' || kind === 'passport_expiry'
    ? EXTRA_DATE_LABELS[kind]
    : dossierClockLabel(kind);
}

export interface DocumentExpiry {
  readonly kind: ReminderDocumentKind;
  readonly validUntil: CalendarDate;
}

/** What the rules need to know about one dossier. */
export interface ReminderSubject {
  readonly dossierId: string;
  readonly employerId: string;
  readonly snapshot: DossierSnapshot;
  /**
   * The Paris calendar date the dossier entered its current state (the engine's
   * `state_changed_at`). Dates a refusal alert and tells whether it is fresh; when absent
   * the refusal's notification date is used.
   */
  readonly stateEnteredOn?: CalendarDate;
  /**
   * Appeals recorded outside the state machine (e.g. a note that the firm filed it). The state
   * already tells most of it: in CRRV_FILED no CRRV reminder is due anyway.
   */
  readonly appealRecorded?: { readonly crrv: boolean; readonly court: boolean };
  /** Validity end dates from the Documents feature (the dossier's own dates are read too). */
  readonly documentExpiries?: readonly DocumentExpiry[];
}

export interface DueReminder {
  /**
   * Stable identity: `${kind}:${dossierId}:${step}:${dueDate}:${audience}`. The same dossier
   * data gives the same key on every sweep, so the outbox can ignore a second insert.
   */
  readonly key: string;
  readonly kind: ReminderKind;
  readonly audience: ReminderAudience;
  readonly dossierId: string;
  readonly employerId: string;
  /** '0', '1', ... for repeats; 'd10', 'd3', 'passport-d60' ... before a date; 'once'; 'arises'. */
  readonly step: string;
  /** The day this step became due (on or before today; a missed sweep keeps the same date). */
  readonly dueDate: CalendarDate;
  /** A legal deadline within 3 days, or a fresh refusal: sent at once, not in the digest. */
  readonly urgent: boolean;
  /** The date the reminder is about (the last day to act, the cap, the expiry ...). */
  readonly deadline?: {
    readonly kind: ReminderDateKind;
    readonly date: CalendarDate;
    /** True for a deadline set by law: show COMPUTED_DEADLINE_NOTICE next to it. */
    readonly legal: boolean;
  };
  /** Days since the file went to OFII, counted on `today` (convocation reminders). */
  readonly daysWaited?: number;
  /** The OFII office the file went to (convocation reminders: one follow-up per office). */
  readonly ofiiOffice?: string;
  /** document_expiry: which document and until when it is valid. */
  readonly document?: DocumentExpiry;
  /** implicit_decision: which decision arose and on which day. */
  readonly implicitDecision?: {
    readonly kind: ImplicitDecisionKind;
    readonly arisesOn: CalendarDate;
  };
}

export const REMINDER_KIND_LABELS: Readonly<
  Record<ReminderKind, BilingualText>
> = {
  convocation_overdue: {
    fr: 'Convocation OFII en retard : relance à envoyer',
    en: 'OFII convocation overdue: follow-up to send',
  },
  convocation_wait_firm: {
    fr: 'Attente de convocation OFII de 60 jours',
    en: 'Waiting 60 days for the OFII convocation',
  },
  convocation_start_at_risk: {
    fr: "Date d'embauche proche sans convocation OFII",
    en: 'Start date close with no OFII convocation',
  },
  refusal_recorded: { fr: 'Refus enregistré', en: 'Refusal recorded' },
  crrv_deadline: {
    fr: 'Délai de recours devant la CRRV',
    en: 'CRRV appeal deadline',
  },
  court_deadline: {
    fr: 'Délai de recours devant le tribunal administratif de Nantes',
    en: 'Nantes administrative court appeal deadline',
  },
  implicit_decision: {
    fr: 'Décision implicite (silence de l’administration)',
    en: 'Implicit decision (administration silence)',
  },
  card_application_due: {
    fr: 'Demande de carte de séjour à déposer',
    en: 'Residence card application due',
  },
  stay_cap: {
    fr: 'Fin des 6 mois de séjour saisonnier',
    en: 'End of the 6-month seasonal stay',
  },
  document_expiry: {
    fr: 'Document bientôt expiré',
    en: 'Document about to expire',
  },
};

export const REMINDER_DOCUMENT_LABELS: Readonly<
  Record<ReminderDocumentKind, BilingualText>
> = {
  passport: { fr: 'Passeport', en: 'Passport' },
  work_permit: { fr: 'Autorisation de travail', en: 'Work permit' },
  visa: { fr: 'Visa', en: 'Visa' },
  residence_card: { fr: 'Carte de séjour', en: 'Residence card' },
};
