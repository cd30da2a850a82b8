import {
  addDays,
  addMonths,
  CalendarDate,
  DOCUMENT_REMINDER_DAYS_BEFORE,
  DocumentExpiry,
  DossierState,
  IN_FRANCE_REMINDER_DAYS_BEFORE,
  MAX_ROLL_FORWARD_DAYS,
  parisToday,
  RecordedTransitionData,
  REMINDER_WINDOWS,
  ReminderSubject,
  SEASONAL_STAY_MAX_MONTHS,
  START_AT_RISK_DAYS,
} from '@moisson/domain';
import type { EntityManager } from 'typeorm';

/**
 * Which dossiers might have a reminder due today: a UNION of narrow index range scans, one per
 * kind of date the rules look at (each branch matches a partial index of `dossier` or `worker`,
 * see the entities), so the hourly sweep reads the few thousand candidates out of a million
 * dossiers without scanning them. The windows are at least as wide as the rules' (REMINDER_WINDOWS
 * and the rule constants); `remindersDue` then decides for each candidate.
 */

/** How far back a one-off reminder is still sent (a sweep that missed days catches up). */
const CATCH_UP_DAYS = REMINDER_WINDOWS.catchUpDays;
/** The seasonal card is applied for within 2 months of entry. */
const CARD_APPLICATION_MONTHS = 2;
/**
 * Legal deadlines from REMINDER_WINDOWS.maxDaysAfterDeadline days back (an implicit CRRV rejection
 * is announced until the 2-month court deadline it opens) to maxDaysBeforeDeadline ahead; a refusal
 * state entered within the same look-back (one more day: state_changed_at is an instant, the rules
 * count Paris days).
 */
const DEADLINE_LOOK_BACK_DAYS = REMINDER_WINDOWS.maxDaysAfterDeadline;
const REFUSAL_LOOK_BACK_DAYS = REMINDER_WINDOWS.maxDaysAfterDeadline + 1;

/** The partial indexes' state lists: the query repeats them word for word so the planner uses them. */
const BEFORE_CONVOCATION = `('DRAFT', 'OFFER_PUBLISHED', 'AT_SUBMITTED', 'AT_GRANTED', 'AT_REFUSED', 'AWAITING_OFII')`;
/** Refusals, explicit or by silence: alerts and appeal reminders last while their window runs. */
const REFUSALS = `('VISA_REFUSED', 'VISA_REFUSED_VERBAL', 'VISA_REFUSED_IMPLICIT', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT', 'TA_REJECTED', 'PERMIT_REFUSED_IMPLICIT')`;
const IN_FRANCE = `('ARRIVED', 'PERMIT_APPLIED', 'PERMIT_GRANTED', 'PERMIT_REFUSED_IMPLICIT')`;
const VISA_HELD = `('VISA_ISSUED', 'ARRIVED', 'PERMIT_APPLIED')`;
const CARD_HELD = `('PERMIT_GRANTED', 'CONTRACT_ENDED', 'RETURNED')`;
const TERMINAL = `('CLOSED', 'ABANDONED', 'WITHDRAWN')`;

/** The bounds of each branch for one sweep day, as 'YYYY-MM-DD' text and one instant. */
export function candidateWindows(now: Date) {
  const today = parisToday(now);
  const expiryAhead = Math.max(...DOCUMENT_REMINDER_DAYS_BEFORE);
  const inFranceAhead = Math.max(...IN_FRANCE_REMINDER_DAYS_BEFORE);
  return {
    today,
    awaitingSince: addDays(today, -REMINDER_WINDOWS.minDaysAwaitingOfii),
    startFrom: addDays(today, -CATCH_UP_DAYS),
    startTo: addDays(today, START_AT_RISK_DAYS),
    deadlineFrom: addDays(today, -DEADLINE_LOOK_BACK_DAYS),
    deadlineTo: addDays(today, REMINDER_WINDOWS.maxDaysBeforeDeadline),
    refusedSince: new Date(now.getTime() - REFUSAL_LOOK_BACK_DAYS * 86_400_000),
    expiryTo: addDays(today, expiryAhead),
    // Stay cap (entry + 6 months) and card application (entry + 2 months), 14 days before each;
    // a day of margin on each side for month ends and the roll-forward of a last day.
    stayFrom: addDays(addMonths(today, -SEASONAL_STAY_MAX_MONTHS), -1),
    stayTo: addDays(
      addMonths(today, -SEASONAL_STAY_MAX_MONTHS),
      inFranceAhead + 1,
    ),
    cardFrom: addDays(
      addMonths(today, -CARD_APPLICATION_MONTHS),
      -MAX_ROLL_FORWARD_DAYS - 1,
    ),
    cardTo: addDays(
      addMonths(today, -CARD_APPLICATION_MONTHS),
      inFranceAhead + 1,
    ),
  };
}

/** Ids of every candidate dossier, in id order (the batches follow it). */
export const CANDIDATE_IDS_SQL = `
SELECT id FROM (
  SELECT id FROM dossier WHERE state = 'AWAITING_OFII' AND transmitted_on <= $1::date
  UNION
  SELECT id FROM dossier WHERE state IN ${BEFORE_CONVOCATION} AND planned_start BETWEEN $2::date AND $3::date
  UNION
  SELECT id FROM dossier WHERE legal_deadline_on IS NOT NULL AND legal_deadline_on BETWEEN $4::date AND $5::date
  UNION
  SELECT id FROM dossier WHERE state IN ${REFUSALS} AND state_changed_at >= $6
  UNION
  SELECT id FROM dossier WHERE permit_valid_until IS NOT NULL AND permit_valid_until BETWEEN $7::date AND $8::date
    AND state NOT IN ${TERMINAL}
  UNION
  SELECT id FROM dossier WHERE state IN ${IN_FRANCE}
    AND (recorded #>> '{ARRIVED,entryDate}') BETWEEN $9::text AND $10::text
  UNION
  SELECT id FROM dossier WHERE state IN ${IN_FRANCE}
    AND (recorded #>> '{ARRIVED,entryDate}') BETWEEN $11::text AND $12::text
  UNION
  SELECT id FROM dossier WHERE state IN ${VISA_HELD}
    AND (recorded #>> '{VISA_ISSUED,validTo}') BETWEEN $13::text AND $14::text
  UNION
  SELECT id FROM dossier WHERE state IN ${CARD_HELD}
    AND (recorded #>> '{PERMIT_GRANTED,validUntil}') BETWEEN $13::text AND $14::text
  UNION
  -- Validity ends of uploaded documents (Documents feature; document_expiry_idx), as in
  -- DOCUMENT_EXPIRY_DOSSIERS_SQL of modules/documents/document-expiries.service.ts.
  SELECT d.id FROM document doc
    JOIN dossier d ON d.employer_id = doc.employer_id
     AND (d.id = doc.dossier_id OR (doc.dossier_id IS NULL AND d.worker_id = doc.worker_id))
    WHERE doc.valid_until IS NOT NULL AND doc.deleted_at IS NULL
      AND doc.valid_until BETWEEN $7::date AND $8::date
      AND doc.type IN ('passport', 'work_permit', 'visa', 'residence_card')
      AND d.state NOT IN ${TERMINAL}
  UNION
  SELECT d.id FROM worker w
    JOIN dossier d ON d.employer_id = w.employer_id AND d.worker_id = w.id
    WHERE w.passport_expiry BETWEEN $7::date AND $8::date AND d.state NOT IN ${TERMINAL}
) candidates
ORDER BY id`;

export function candidateParameters(now: Date): unknown[] {
  const w = candidateWindows(now);
  return [
    w.awaitingSince,
    w.startFrom,
    w.startTo,
    w.deadlineFrom,
    w.deadlineTo,
    w.refusedSince,
    w.today,
    w.expiryTo,
    w.stayFrom,
    w.stayTo,
    w.cardFrom,
    w.cardTo,
    w.today,
    w.expiryTo,
  ];
}

/** What the rules and the outbox need of one candidate. */
export interface CandidateRow {
  id: string;
  employer_id: string;
  state: DossierState;
  recorded: RecordedTransitionData;
  planned_start: string;
  /** The Paris calendar date of state_changed_at (computed by PostgreSQL, not Intl per row). */
  state_entered_on: string;
  passport_expiry: string | null;
}

export async function candidateIds(
  manager: EntityManager,
  now: Date,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    CANDIDATE_IDS_SQL,
    candidateParameters(now),
  );
  return rows.map((r) => r.id);
}

export async function loadCandidates(
  manager: EntityManager,
  ids: readonly string[],
): Promise<CandidateRow[]> {
  return manager.query(
    `SELECT d.id, d.employer_id, d.state, d.recorded,
            to_char(d.planned_start, 'YYYY-MM-DD') AS planned_start,
            to_char(d.state_changed_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS state_entered_on,
            to_char(w.passport_expiry, 'YYYY-MM-DD') AS passport_expiry
       FROM dossier d JOIN worker w ON w.id = d.worker_id
      WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
}

/**
 * The rules' view of a candidate. `documents`: validity ends of its uploaded documents (the
 * Documents feature), besides the worker's passport expiry and the dossier's own dates.
 */
export function subjectOf(
  row: CandidateRow,
  documents: readonly DocumentExpiry[] = [],
): ReminderSubject {
  return {
    dossierId: row.id,
    employerId: row.employer_id,
    snapshot: {
      state: row.state,
      recorded: row.recorded ?? {},
      plannedStartDate: row.planned_start as CalendarDate,
    },
    stateEnteredOn: row.state_entered_on as CalendarDate,
    documentExpiries: [
      ...(row.passport_expiry
        ? [
            {
              kind: 'passport' as const,
              validUntil: row.passport_expiry as CalendarDate,
            },
          ]
        : []),
      ...documents,
    ],
  };
}
