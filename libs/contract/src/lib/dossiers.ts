import type {
  BilingualText,
  DossierClockKind,
  DossierStage,
  DossierState,
} from '@moisson/domain';
import type { ApiErrorDetail } from './api-error';

/**
 * Workers, campaigns and dossiers (one worker, one season), all under
 * /api/employers/:employerId/... Dates are calendar dates 'YYYY-MM-DD'; instants are ISO 8601.
 */

/** Languages a worker may receive messages in. */
export const PREFERRED_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

export const CONTRACT_TYPES = ['seasonal', 'fixed_term', 'open_ended'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_TYPE_LABELS: Readonly<
  Record<ContractType, BilingualText>
> = {
  seasonal: { fr: 'Saisonnier', en: 'Seasonal' },
  fixed_term: { fr: 'CDD', en: 'Fixed-term' },
  open_ended: { fr: 'CDI', en: 'Open-ended' },
};

// ---------------------------------------------------------------- workers

export interface WorkerResponse {
  id: string;
  employerId: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  /** ISO 3166-1 alpha-2, upper case: 'MA', 'TN', 'SN'... */
  nationality: string;
  /** The full number (upper case, no spaces): every response carrying it is written to the audit log. */
  passportNumber: string;
  passportExpiry: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: PreferredLanguage;
  createdAt: string;
  updatedAt: string;
}

/** A worker in a list: the passport number masked but for its last 3 characters ("•••••123"). */
export interface WorkerListItem extends Omit<WorkerResponse, 'passportNumber'> {
  passportNumberMasked: string;
}

/** POST /api/employers/:employerId/workers */
export interface CreateWorkerRequest {
  surname: string;
  givenNames: string;
  birthDate: string;
  nationality: string;
  /** Spaces are removed and letters upper-cased; unique per employer. */
  passportNumber: string;
  /** Must be after today. */
  passportExpiry: string;
  phone?: string | null;
  email?: string | null;
  /** 'fr' when not given. */
  preferredLanguage?: PreferredLanguage;
}

/** PATCH /api/employers/:employerId/workers/:workerId */
export type UpdateWorkerRequest = Partial<CreateWorkerRequest>;

/** GET /api/employers/:employerId/workers?q=&cursor=&limit= (q: names or passport number) */
export interface WorkerListQuery {
  q?: string;
  cursor?: string;
  limit?: number;
}

// ---------------------------------------------------------------- campaigns

/** A season's group of hires that travel together, e.g. "Vendanges 2027". */
export interface CampaignResponse {
  id: string;
  employerId: string;
  name: string;
  season: number;
  notes: string | null;
  dossierCount: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/employers/:employerId/campaigns (name unique per employer) */
export interface CreateCampaignRequest {
  name: string;
  season: number;
  notes?: string | null;
}

/** PATCH /api/employers/:employerId/campaigns/:campaignId */
export type UpdateCampaignRequest = Partial<CreateCampaignRequest>;

// ---------------------------------------------------------------- dossiers

export const DOSSIER_EVENT_KINDS = [
  /** A change of state, with the data the transition needs (creation: null -> DRAFT). */
  'transition',
  /** A correction of the dossier's planning fields (job, dates, offices), with each change. */
  'edit',
  /** A free note. */
  'note',
  /** A follow-up e-mail sent to OFII. */
  'relance',
] as const;
export type DossierEventKind = (typeof DOSSIER_EVENT_KINDS)[number];

export const DOSSIER_SORTS = ['plannedStart', 'updatedAt', 'surname'] as const;
export type DossierSort = (typeof DOSSIER_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** At most this many dossiers in one group transition. */
export const MAX_GROUP_TRANSITION_SIZE = 200;

/**
 * GET /api/employers/:employerId/dossiers/summary: the employer's dashboard counts, exact, from
 * counters kept by the database (no list to page through to count).
 */
export interface DossierSummaryResponse {
  /** Dossiers in each stage, every season. */
  stages: Record<DossierStage, number>;
  /**
   * Convocations overdue today: in AWAITING_OFII for the employer's "overdue after" days or more
   * (its reminder setting, 30 by default), as the list's overdue=true.
   */
  overdue: number;
  /** Dossiers in OFII_CONVOKED. */
  convoked: number;
}

/** A deadline or reference date running for a dossier (computed by @moisson/domain). */
export interface DeadlineView {
  kind: DossierClockKind;
  label: BilingualText;
  /** True for a deadline set by law. */
  legal: boolean;
  startDate: string;
  /** Start + length, before any roll-forward over weekends and holidays. */
  nominalDueDate: string;
  dueDate: string;
  /** True when the due date was moved to the next working day. */
  rolled: boolean;
  /** From today (Europe/Paris) to the due date: 0 on the day, negative once passed. */
  daysLeft: number;
  /** "calculée - à vérifier par le cabinet" on every legal deadline; null otherwise. */
  notice: BilingualText | null;
}

export interface DossierWorkerSummary {
  id: string;
  surname: string;
  givenNames: string;
  nationality: string;
  passportNumberMasked: string;
}

/** A dossier in a list (GET .../dossiers), computed flags as of today in Europe/Paris. */
export interface DossierListItem {
  id: string;
  employerId: string;
  worker: DossierWorkerSummary;
  campaign: { id: string; name: string } | null;
  season: number;
  jobTitle: string;
  contractType: ContractType;
  shortageOccupation: boolean;
  plannedStart: string;
  plannedEnd: string;
  ofiiOffice: string | null;
  consulate: string | null;
  permitNumber: string | null;
  permitGrantedOn: string | null;
  permitValidUntil: string | null;
  state: DossierState;
  stage: DossierStage;
  stateChangedAt: string;
  /** Waiting for the OFII convocation for the employer's "overdue after" days (30 by default) or more. */
  convocationOverdue: boolean;
  /** Days since the file was sent to OFII, while in AWAITING_OFII; null otherwise. */
  daysWaitingForConvocation: number | null;
  /** No OFII convocation yet and the planned start is 21 days away or less. */
  plannedStartAtRisk: boolean;
  /** The legal deadline running in the current state, if any. */
  legalDeadline: DeadlineView | null;
  createdAt: string;
  updatedAt: string;
}

export interface DossierEventResponse {
  id: string;
  at: string;
  kind: DossierEventKind;
  fromState: DossierState | null;
  toState: DossierState | null;
  actor: { id: string | null; name: string | null };
  /** The data entered: transition data, or { changes: { field: { from, to } } } for an edit. */
  data: Record<string, unknown>;
}

export interface NextStepView {
  expectedStates: DossierState[];
  action: BilingualText;
  deadline: DeadlineView | null;
}

export type DossierWarningCode = 'PASSPORT_EXPIRES_TOO_SOON';

export interface DossierWarning {
  code: DossierWarningCode;
  message: BilingualText;
}

/**
 * GET .../dossiers/:dossierId: the dossier, its worker (full passport number, audited),
 * its timeline (oldest first), running deadlines (soonest first), next step and allowed moves.
 */
export interface DossierDetail extends Omit<DossierListItem, 'worker'> {
  worker: WorkerResponse;
  timeline: DossierEventResponse[];
  deadlines: DeadlineView[];
  nextStep: NextStepView | null;
  allowedNextStates: DossierState[];
  warnings: DossierWarning[];
  /** Show next to every computed deadline: never legal advice. */
  deadlineNotice: BilingualText;
}

/** POST /api/employers/:employerId/dossiers */
export interface CreateDossierRequest {
  workerId: string;
  campaignId?: string | null;
  /** The campaign's season, else the year of plannedStart, when not given. One dossier per worker and season. */
  season?: number;
  jobTitle: string;
  contractType: ContractType;
  /** Farm jobs are shortage occupations since 2024: true when not given. */
  shortageOccupation?: boolean;
  plannedStart: string;
  /** On or after plannedStart; at most 6 months after it for a seasonal contract. */
  plannedEnd: string;
  /** OFII office and consulate codes ('casablanca', 'tunis'...): the employer's when not given. */
  ofiiOffice?: string | null;
  consulate?: string | null;
}

/** PATCH .../dossiers/:dossierId: planning fields only (procedure data changes through transitions). */
export type UpdateDossierRequest = Partial<
  Omit<CreateDossierRequest, 'workerId' | 'season'>
>;

/** POST .../dossiers/:dossierId/transitions: data as TRANSITION_DATA_REQUIREMENTS[to] describes it. */
export interface DossierTransitionRequest {
  to: DossierState;
  data?: Record<string, unknown>;
}

/** POST .../dossiers/transitions: the same transition for a group, all or nothing. */
export interface GroupTransitionRequest {
  dossierIds: string[];
  to: DossierState;
  data?: Record<string, unknown>;
}

export interface GroupTransitionResponse {
  dossiers: DossierListItem[];
}

/** POST .../dossiers/:dossierId/rehire: next season's DRAFT dossier for the same worker. */
export interface RehireRequest {
  campaignId?: string | null;
  /** The previous dates + 12 months when not given. */
  plannedStart?: string;
  plannedEnd?: string;
}

/**
 * GET .../dossiers and .../dossiers/export.csv. `state` and `stage` take one value or a
 * comma-separated list. `overdue=true`: waiting for the OFII convocation for the employer's
 * "overdue after" days or more (reminder setting, 30 by default).
 * `deadlineWithinDays=N`: the running legal deadline falls between today and today + N.
 * `q`: words of the worker's names, or the passport number. Sort: plannedStart (default,
 * ascending), updatedAt (newest first), surname.
 */
export interface DossierListQuery {
  state?: string;
  stage?: string;
  campaignId?: string;
  /** One worker's dossiers (every season). */
  workerId?: string;
  ofiiOffice?: string;
  overdue?: boolean;
  deadlineWithinDays?: number;
  q?: string;
  sort?: DossierSort;
  cursor?: string;
  limit?: number;
}

/** One broken rule of a refused transition (422 UNPROCESSABLE `details`). */
export interface TransitionErrorDetail extends ApiErrorDetail {
  /** Stable rule code from @moisson/domain (TRANSITION_NOT_ALLOWED, FIELD_REQUIRED...) or FIELD_UNKNOWN. */
  rule: string;
  /** The same message in French. */
  messageFr: string;
  /** In a group transition, the dossier concerned. */
  dossierId?: string;
}
