import type {
  BilingualText,
  DossierStage,
  DossierState,
  LegalDeadlineKind,
} from '@moisson/domain';
import type { Page } from './employers';

/**
 * Firm console: every employer at a glance, the cross-employer deadlines and calendar, the ICS
 * feeds, notes and analytics. Dates are calendar dates 'YYYY-MM-DD' (Europe/Paris), instants ISO
 * 8601, ids UUIDs. "Today" is the Paris calendar day of the request.
 *
 * Routes (the truth for the web app):
 *
 *   GET    /api/firm/employers?deadlineWithinDays=&assignedToMe=&assignedStaffId=&departement=
 *            &ofiiOffice=&q=&sort=&cursor=&limit=
 *          'firm.console' -> EmployerOverviewPage (one EmployerOverviewRow per employer)
 *   GET    /api/firm/deadlines?kind=&employerId=&from=&to=&cursor=&limit=
 *          'firm.console' -> Page<AgendaItem>, sorted by date then id (from: today when absent;
 *          to: from + 90 days when absent)
 *   GET    /api/firm/calendar?from=&to=&kind=&employerId=
 *          'firm.console' -> CalendarRangeResponse (a week or a month view; at most 93 days)
 *
 *   GET    /api/account/calendar-feed          'authenticated' -> CalendarFeedStatus
 *   POST   /api/account/calendar-feed          'authenticated' body CreateCalendarFeedRequest
 *          -> 201 CalendarFeedSecret (409 CONFLICT when a feed is active: rotate it instead)
 *   POST   /api/account/calendar-feed/rotate   'authenticated' -> CalendarFeedSecret (the old URL
 *          stops working at once; 404 when no feed is active)
 *   DELETE /api/account/calendar-feed          'authenticated' -> 204 (the URL answers 404 from now on)
 *   GET    /api/calendar/:token.ics            public (the secret is the URL) -> text/calendar;
 *          404 for an unknown, rotated or revoked token, or a disabled user
 *
 *   GET    /api/employers/:employerId/notes?dossierId=&cursor=&limit=
 *          'employer.read' -> Page<NoteResponse>, newest first (employer users: shared notes only)
 *   GET    /api/employers/:employerId/dossiers/:dossierId/notes
 *          'employer.read' -> NoteResponse[] newest first (employer users: shared notes only)
 *   POST   /api/employers/:employerId/notes            'firm.notes.write' body CreateNoteRequest -> 201 NoteResponse
 *   PATCH  /api/employers/:employerId/notes/:noteId    'firm.notes.write' body UpdateNoteRequest -> NoteResponse
 *   DELETE /api/employers/:employerId/notes/:noteId    'firm.notes.write' -> 204
 *
 *   GET    /api/firm/analytics/convocation-delays       'firm.console' -> ConvocationDelayResponse
 *   GET    /api/firm/analytics/visa-refusals            'firm.console' -> VisaRefusalResponse
 *   GET    /api/firm/analytics/appeal-outcomes          'firm.console' -> AppealOutcomeResponse
 *   GET    /api/firm/analytics/season-funnel            'firm.console' -> SeasonFunnelResponse
 *   GET    /api/firm/analytics/returning-workers        'firm.console' -> ReturningWorkersResponse
 *          every one takes AnalyticsFilters (?season=&departement=&ofiiOffice=&employerId=)
 *   GET    /api/firm/analytics/<name>.csv               'firm.console', same filters: the chart's
 *          data as an attachment for French Excel (UTF-8 BOM, ';', CRLF, French headers, decimal
 *          commas), name one of ANALYTICS_CSV_NAMES
 *
 * Employer users get 403 on every 'firm.*' route; notes answer 404 for another employer's ids.
 */

// ---------------------------------------------------------------- employers overview

export const EMPLOYER_OVERVIEW_SORTS = [
  /** Legal name, A to Z (default). */
  'name',
  /** Most active dossiers first. */
  'activeDossiers',
  /** Longest wait for an OFII convocation first (employers with none last). */
  'longestWait',
  /** Nearest appeal deadline (today or later) first (employers with none last). */
  'appealDeadline',
  /** Most recent dossier activity first. */
  'lastActivity',
] as const;
export type EmployerOverviewSort = (typeof EMPLOYER_OVERVIEW_SORTS)[number];

/** GET /api/firm/employers: every filter optional; they combine with AND. */
export interface EmployerOverviewQuery {
  /** Employers with a running legal deadline between today and today + N days (0 to 366). */
  deadlineWithinDays?: number;
  /** Employers assigned to the signed-in staff member. */
  assignedToMe?: boolean;
  /** Employers assigned to this staff member ('none': no one assigned). */
  assignedStaffId?: string;
  /** Département code: '47', '2B', '971'. */
  departement?: string;
  /** The employer's OFII office code ('casablanca'...; case and accents ignored). */
  ofiiOffice?: string;
  /** Only employers with at least one convocation overdue (true) or none (false). */
  overdue?: boolean;
  /** Only employers with at least one refusal without an appeal recorded. */
  unappealedRefusals?: boolean;
  /** Words of the legal name, or the SIRET. */
  q?: string;
  sort?: EmployerOverviewSort;
  /** Keyset pagination: pass nextCursor back; a cursor is only valid with the same sort. */
  cursor?: string;
  /** 1 to 200, default 50. */
  limit?: number;
}

/** One employer in the overview. Counts cover every season. */
export interface EmployerOverviewRow {
  employer: {
    id: string;
    legalName: string;
    siret: string;
    city: string;
    departement: string;
    ofiiOffice: string | null;
  };
  assignedStaff: { id: string; fullName: string } | null;
  /** Dossiers not CLOSED, ABANDONED or WITHDRAWN. */
  activeDossiers: number;
  /** Every dossier of the employer by stage (all DOSSIER_STAGES present, zeros included). */
  dossiersByStage: Record<DossierStage, number>;
  convocations: {
    /** Dossiers in AWAITING_OFII. */
    awaiting: number;
    /** Of those, waiting for `thresholdDays` days or more. */
    overdue: number;
    /**
     * Days from which a wait counts as overdue: the employer's reminder setting (30 by default), as
     * the dossier list's `overdue` filter and the convocation reminders.
     */
    thresholdDays: number;
    /** Days the longest-waiting dossier has waited since it was sent to OFII; null when none waits. */
    longestWaitDays: number | null;
  };
  refusals: {
    /** Dossiers refused (visa refusal of any kind, or CRRV rejection) with no appeal recorded yet. */
    withoutAppeal: number;
    /** The soonest last day to appeal, today or later, among them; null when none is running. */
    nearestDeadline: {
      kind: Extract<LegalDeadlineKind, 'crrv_appeal' | 'court_appeal'>;
      date: string;
      daysLeft: number;
      dossierId: string;
    } | null;
  };
  /** The soonest running legal deadline of any kind, today or later (for "deadline within N days"). */
  nextLegalDeadline: {
    kind: LegalDeadlineKind;
    date: string;
    daysLeft: number;
  } | null;
  /** Last change to one of the employer's dossiers (creation, transition, edit, deletion). */
  lastActivityAt: string | null;
}

export interface EmployerOverviewPage extends Page<EmployerOverviewRow> {
  /** Employers matching the filters (every page). */
  total: number;
  /** The Paris day the figures were computed for. */
  today: string;
}

// ---------------------------------------------------------------- deadlines and calendar

/** What the deadlines list and the calendar show: the legal deadlines, and OFII appointments. */
export const AGENDA_ITEM_KINDS = [
  'crrv_appeal',
  'court_appeal',
  'implicit_visa_refusal',
  'implicit_crrv_rejection',
  'card_application',
  'implicit_card_refusal',
  'injunction',
  'ofii_appointment',
] as const satisfies readonly (LegalDeadlineKind | 'ofii_appointment')[];
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** A deadline or appointment of one dossier, on one day. */
export interface AgendaItem {
  /** Stable: `${dossierId}:${kind}:${date}` (also the ICS UID's first part). */
  id: string;
  kind: AgendaItemKind;
  label: BilingualText;
  date: string;
  /** True for a legal deadline (computed: show `notice`). */
  legal: boolean;
  /** True when a last day to act was moved off a weekend or public holiday. */
  rolled: boolean;
  /** From today to the date: 0 on the day, negative once passed. */
  daysLeft: number;
  /** "calculée - à vérifier par le cabinet" on every legal deadline; null for appointments. */
  notice: BilingualText | null;
  /** Appointments: the place entered with the convocation. */
  place: string | null;
  employer: { id: string; legalName: string };
  dossier: {
    id: string;
    state: DossierState;
    workerName: string;
    ofiiOffice: string | null;
  };
}

/** GET /api/firm/deadlines: kind one value or a comma-separated list; dates 'YYYY-MM-DD'. */
export interface AgendaQuery {
  kind?: string;
  employerId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** GET /api/firm/calendar?from=&to= (both required, to >= from, at most 93 days apart). */
export interface CalendarRangeQuery {
  from: string;
  to: string;
  kind?: string;
  employerId?: string;
}

export const CALENDAR_MAX_RANGE_DAYS = 93;
/** At most this many items in one calendar answer (`truncated` says when more exist). */
export const CALENDAR_MAX_ITEMS = 2000;

export interface CalendarRangeResponse {
  from: string;
  to: string;
  /** Sorted by date, then employer name. */
  items: AgendaItem[];
  truncated: boolean;
}

// ---------------------------------------------------------------- ICS feeds

/**
 * What a feed shows. Employer users: 'employer' (their employer's dossiers; the only choice).
 * Firm staff: 'assigned' (employers assigned to them, the default) or 'all' (every employer).
 */
export const CALENDAR_FEED_SCOPES = ['employer', 'assigned', 'all'] as const;
export type CalendarFeedScope = (typeof CALENDAR_FEED_SCOPES)[number];

/** GET /api/account/calendar-feed (the token is never shown again after creation or rotation). */
export interface CalendarFeedStatus {
  active: boolean;
  scope: CalendarFeedScope | null;
  createdAt: string | null;
  /** Last time a calendar application fetched the feed. */
  lastFetchedAt: string | null;
}

/** POST /api/account/calendar-feed */
export interface CreateCalendarFeedRequest {
  /** Firm staff only; employer users may leave it out or send 'employer'. */
  scope?: CalendarFeedScope;
}

/** The answer of a creation or rotation: the only time the secret URL is given. */
export interface CalendarFeedSecret extends CalendarFeedStatus {
  /** https://host/api/calendar/<token>.ics: paste it into the calendar application. */
  url: string;
  /** The same with the webcal:// scheme (opens the calendar application directly). */
  webcalUrl: string;
}

/** Label of every deadline event in the feed (French first, like the product). */
export const CALENDAR_DEADLINE_NOTICE_FR =
  'calculée - à vérifier par le cabinet';

// ---------------------------------------------------------------- notes

export const NOTE_VISIBILITIES = ['internal', 'shared'] as const;
/** internal: firm staff only; shared: also the employer's users. */
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export const NOTE_MAX_LENGTH = 5000;

export interface NoteResponse {
  id: string;
  employerId: string;
  /** null: a note on the employer itself. */
  dossierId: string | null;
  visibility: NoteVisibility;
  body: string;
  author: { id: string | null; fullName: string | null };
  createdAt: string;
  updatedAt: string;
  /** True once the text or the visibility was changed after creation. */
  edited: boolean;
}

/** POST /api/employers/:employerId/notes */
export interface CreateNoteRequest {
  /** 1 to NOTE_MAX_LENGTH characters (trimmed). */
  body: string;
  visibility: NoteVisibility;
  /** A dossier of the same employer; absent or null: a note on the employer. */
  dossierId?: string | null;
}

/** PATCH /api/employers/:employerId/notes/:noteId */
export interface UpdateNoteRequest {
  body?: string;
  visibility?: NoteVisibility;
}

/** GET /api/employers/:employerId/notes: dossierId filters one dossier's notes; 'none': employer notes only. */
export interface NoteListQuery {
  dossierId?: string;
  cursor?: string;
  limit?: number;
}

// ---------------------------------------------------------------- analytics

/** Every analytics route takes these (all optional, combined with AND). */
export interface AnalyticsFilters {
  /** The dossiers' season (year). */
  season?: number;
  /** The employer's département. */
  departement?: string;
  /** The dossier's OFII office code. */
  ofiiOffice?: string;
  employerId?: string;
}

/** A ratio from 0 to 1, rounded to 4 decimals; null when there is nothing to divide by. */
export type Ratio = number | null;

/**
 * Days from the work permit's grant date to the OFII convocation date, per office and month of
 * the convocation (dossiers with both dates recorded). Quartiles by linear interpolation
 * (percentile_cont), rounded to 1 decimal.
 */
export interface ConvocationDelayRow {
  ofiiOffice: string | null;
  /** 'YYYY-MM' of the convocation date. */
  month: string;
  dossiers: number;
  medianDays: number;
  p25Days: number;
  p75Days: number;
  minDays: number;
  maxDays: number;
}

export interface ConvocationDelayResponse {
  filters: AnalyticsFilters;
  /** Sorted by office, then month. */
  rows: ConvocationDelayRow[];
}

/**
 * Consulate decisions found on the timelines: a move from VISA_FILED to VISA_ISSUED (issued) or
 * to VISA_REFUSED, VISA_REFUSED_VERBAL or VISA_REFUSED_IMPLICIT (refused). A dossier that
 * re-applied counts each decision. Consulate: the dossier's.
 */
export interface VisaRefusalByConsulateRow {
  consulate: string | null;
  decisions: number;
  issued: number;
  refused: number;
  /** refused / decisions. */
  refusalRate: Ratio;
}

/** Grounds ticked on written and verbal refusals; one refusal may tick several. */
export interface VisaRefusalByGroundRow {
  ground: string;
  label: BilingualText;
  /** Refusals citing this ground. */
  refusals: number;
  /** refusals / refusals with at least one ground recorded. */
  share: Ratio;
}

export interface VisaRefusalResponse {
  filters: AnalyticsFilters;
  totals: {
    decisions: number;
    refused: number;
    refusalRate: Ratio;
    refusalsWithGrounds: number;
  };
  /** Sorted by decisions, most first. */
  byConsulate: VisaRefusalByConsulateRow[];
  /** Sorted by refusals, most first. */
  byGround: VisaRefusalByGroundRow[];
}

export const APPEAL_BODIES = ['crrv', 'court'] as const;
export type AppealBody = (typeof APPEAL_BODIES)[number];

/**
 * Outcomes found on the timelines. CRRV: from CRRV_FILED to VISA_ISSUED ('granted'),
 * CRRV_REJECTED ('rejected') or CRRV_REJECTED_IMPLICIT ('rejected_implicit'). Court: from TA_FILED
 * to TA_ANNULLED ('annulled') or TA_REJECTED ('rejected'). 'pending': dossiers in CRRV_FILED or
 * TA_FILED now. `filed`: moves into CRRV_FILED or TA_FILED.
 */
export const APPEAL_OUTCOMES = [
  'granted',
  'annulled',
  'rejected',
  'rejected_implicit',
  'pending',
] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export interface AppealOutcomeRow {
  body: AppealBody;
  filed: number;
  outcomes: { outcome: AppealOutcome; count: number }[];
  /** (granted + annulled) / decided (every outcome but pending). */
  successRate: Ratio;
}

export interface AppealOutcomeResponse {
  filters: AnalyticsFilters;
  rows: AppealOutcomeRow[];
}

/**
 * The season's dossiers by stage: how many ever reached it (entered one of its states, as each
 * transition records it), and how many are in it now.
 */
export interface SeasonFunnelStep {
  stage: DossierStage;
  label: BilingualText;
  reached: number;
  current: number;
  /** reached / dossiers. */
  reachedShare: Ratio;
}

export interface SeasonFunnelResponse {
  filters: AnalyticsFilters;
  dossiers: number;
  /** In DOSSIER_STAGES order. */
  steps: SeasonFunnelStep[];
}

/**
 * Per season: the workers with a dossier that season, and how many of them had a dossier in an
 * earlier season (same worker record, so the same employer).
 */
export interface ReturningWorkersRow {
  season: number;
  workers: number;
  returning: number;
  /** returning / workers. */
  share: Ratio;
}

export interface ReturningWorkersResponse {
  filters: AnalyticsFilters;
  /** Sorted by season. */
  rows: ReturningWorkersRow[];
}

/** GET /api/firm/analytics/<name>.csv */
export const ANALYTICS_CSV_NAMES = [
  'convocation-delays',
  'visa-refusals-by-consulate',
  'visa-refusals-by-ground',
  'appeal-outcomes',
  'season-funnel',
  'returning-workers',
] as const;
export type AnalyticsCsvName = (typeof ANALYTICS_CSV_NAMES)[number];
