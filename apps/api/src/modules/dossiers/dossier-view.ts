import type {
  ContractType,
  DossierEventResponse,
  WorkerResponse,
} from '@moisson/contract';
import type { DossierState, RecordedTransitionData } from '@moisson/domain';
import { calendarDateSql, isoInstantSql } from '../../core/database/sql-params';

/**
 * The read side of dossiers (list, detail): hand-written SQL naming only the columns the responses
 * need, with dates and instants already as the strings the contract carries, so a page of 50 rows
 * costs no entity hydration. Writes go through the entities (dossier.entity.ts).
 */

/** What the list item and the detail are computed from (instants as ISO 8601 strings). */
export interface DossierView {
  id: string;
  employerId: string;
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
  stateChangedAt: string;
  recorded: RecordedTransitionData;
  createdAt: string;
  updatedAt: string;
  worker: {
    id: string;
    surname: string;
    givenNames: string;
    nationality: string;
    passportNumber: string;
  };
  campaign: { id: string; name: string } | null;
  /** The employer's "convocation overdue after" setting (reminder_settings), in days. */
  overdueDays: number;
}

/** The detail's: the whole worker (full passport number, audited) and the timeline. */
export interface DossierDetailView extends DossierView {
  worker: WorkerResponse;
  timeline: DossierEventResponse[];
}

/** The dossier's worker, who must belong to the dossier's employer. */
export const WORKER_JOIN = `JOIN "worker" w ON w.id = d.worker_id AND w.employer_id = d.employer_id`;

/** The joins after `dossier d`. */
export const DOSSIER_JOINS = `${WORKER_JOIN}
  LEFT JOIN "campaign" c ON c.id = d.campaign_id`;

/** `FROM dossier d JOIN worker w JOIN campaign c`. */
export const DOSSIER_FROM = `"dossier" d
  ${DOSSIER_JOINS}`;

const DOSSIER_COLUMNS = `d.id, d.employer_id AS "employerId", d.season, d.job_title AS "jobTitle",
  d.contract_type AS "contractType", d.shortage_occupation AS "shortageOccupation",
  ${calendarDateSql('d.planned_start')} AS "plannedStart", ${calendarDateSql('d.planned_end')} AS "plannedEnd",
  d.ofii_office AS "ofiiOffice", d.consulate, d.permit_number AS "permitNumber",
  ${calendarDateSql('d.permit_granted_on')} AS "permitGrantedOn",
  ${calendarDateSql('d.permit_valid_until')} AS "permitValidUntil",
  d.state, ${isoInstantSql('d.state_changed_at')} AS "stateChangedAt", d.recorded,
  ${isoInstantSql('d.created_at')} AS "createdAt", ${isoInstantSql('d.updated_at')} AS "updatedAt",
  c.id AS "campaignId", c.name AS "campaignName"`;

/** The columns of a list row. */
export const DOSSIER_LIST_COLUMNS = `${DOSSIER_COLUMNS},
  w.id AS "workerId", w.surname AS "workerSurname", w.given_names AS "workerGivenNames",
  w.nationality AS "workerNationality", w.passport_number AS "workerPassportNumber"`;

/**
 * The columns of the detail: the whole worker, and the timeline (oldest first) as a JSON array in
 * the same statement, in the shape of DossierEventResponse.
 */
export const DOSSIER_DETAIL_COLUMNS = `${DOSSIER_LIST_COLUMNS},
  w.employer_id AS "workerEmployerId", ${calendarDateSql('w.birth_date')} AS "workerBirthDate",
  ${calendarDateSql('w.passport_expiry')} AS "workerPassportExpiry", w.phone AS "workerPhone",
  w.email AS "workerEmail", w.preferred_language AS "workerPreferredLanguage",
  ${isoInstantSql('w.created_at')} AS "workerCreatedAt", ${isoInstantSql('w.updated_at')} AS "workerUpdatedAt",
  coalesce((
    SELECT json_agg(json_build_object(
      'id', e.id::text, 'at', ${isoInstantSql('e.at')}, 'kind', e.kind,
      'fromState', e.from_state, 'toState', e.to_state,
      'actor', json_build_object('id', e.actor_user_id, 'name', e.actor_name),
      'data', e.data) ORDER BY e.at, e.id)
    FROM "dossier_event" e
    WHERE e.employer_id = d.employer_id AND e.dossier_id = d.id
  ), '[]'::json) AS timeline`;

type Row = Record<string, unknown>;

export function dossierViewOf(row: Row): DossierView {
  return {
    id: row.id as string,
    employerId: row.employerId as string,
    season: row.season as number,
    jobTitle: row.jobTitle as string,
    contractType: row.contractType as ContractType,
    shortageOccupation: row.shortageOccupation as boolean,
    plannedStart: row.plannedStart as string,
    plannedEnd: row.plannedEnd as string,
    ofiiOffice: row.ofiiOffice as string | null,
    consulate: row.consulate as string | null,
    permitNumber: row.permitNumber as string | null,
    permitGrantedOn: row.permitGrantedOn as string | null,
    permitValidUntil: row.permitValidUntil as string | null,
    state: row.state as DossierState,
    stateChangedAt: row.stateChangedAt as string,
    recorded: (row.recorded ?? {}) as RecordedTransitionData,
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
    worker: {
      id: row.workerId as string,
      surname: row.workerSurname as string,
      givenNames: row.workerGivenNames as string,
      nationality: row.workerNationality as string,
      passportNumber: row.workerPassportNumber as string,
    },
    campaign:
      row.campaignId === null
        ? null
        : { id: row.campaignId as string, name: row.campaignName as string },
    overdueDays: row.overdueDays as number,
  };
}

export function dossierDetailViewOf(row: Row): DossierDetailView {
  const view = dossierViewOf(row);
  return {
    ...view,
    // The keys in the order of toWorkerResponse (workers module), so both answer the same JSON.
    worker: {
      id: view.worker.id,
      employerId: row.workerEmployerId as string,
      surname: view.worker.surname,
      givenNames: view.worker.givenNames,
      birthDate: row.workerBirthDate as string,
      nationality: view.worker.nationality,
      passportNumber: view.worker.passportNumber,
      passportExpiry: row.workerPassportExpiry as string,
      phone: row.workerPhone as string | null,
      email: row.workerEmail as string | null,
      preferredLanguage:
        row.workerPreferredLanguage as WorkerResponse['preferredLanguage'],
      createdAt: row.workerCreatedAt as string,
      updatedAt: row.workerUpdatedAt as string,
    },
    timeline: row.timeline as DossierEventResponse[],
  };
}
