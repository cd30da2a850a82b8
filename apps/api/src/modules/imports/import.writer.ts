import type { EntityManager } from 'typeorm';
import type { DossierActor } from '../dossiers/dossier-timeline.writer';
import { normaliseOptionalOfficeCode } from '../dossiers/office-code';
import type { EmployerEntity } from '../employers/entities/employer.entity';
import type { CheckedImportRow } from './import-row.validator';

/**
 * Writes checked rows with the caller's transaction manager: the workers, then (for rows with one)
 * their DRAFT dossiers, each with its creation event on the timeline, as POST .../dossiers writes
 * them. One INSERT per table, the values passed as arrays (`unnest`): 5,000 rows are 3 statements,
 * not 15,000, and the statement stays the same whatever the number of rows.
 */
export async function insertImportedRows(
  m: EntityManager,
  employer: EmployerEntity,
  rows: CheckedImportRow[],
  actor: DossierActor,
): Promise<{ workers: number; dossiers: number }> {
  if (rows.length === 0) return { workers: 0, dossiers: 0 };
  const workers = rows.map((row) => {
    if (!row.worker) throw new Error(`Row ${row.rowNumber} is not valid`);
    return row.worker;
  });
  const inserted = (await m.query(
    `INSERT INTO worker (employer_id, surname, given_names, birth_date, nationality, passport_number,
                         passport_expiry, phone, email, preferred_language)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::date[],
                               $8::text[], $9::text[], $10::text[])
     RETURNING id, passport_number`,
    [
      employer.id,
      workers.map((w) => w.surname),
      workers.map((w) => w.givenNames),
      workers.map((w) => w.birthDate),
      workers.map((w) => w.nationality),
      workers.map((w) => w.passportNumber),
      workers.map((w) => w.passportExpiry),
      workers.map((w) => w.phone ?? null),
      workers.map((w) => w.email ?? null),
      workers.map((w) => w.preferredLanguage ?? 'fr'),
    ],
  )) as Array<{ id: string; passport_number: string }>;
  // Passport numbers are unique per employer: they tie each new id to its row.
  const workerIds = new Map(inserted.map((w) => [w.passport_number, w.id]));
  const dossiers = rows.flatMap((row) =>
    row.dossier && row.worker
      ? [
          {
            ...row.dossier,
            workerId: workerIds.get(row.worker.passportNumber) as string,
          },
        ]
      : [],
  );
  if (dossiers.length === 0) return { workers: inserted.length, dossiers: 0 };
  const office = (value: string | null | undefined, fallback: string | null) =>
    normaliseOptionalOfficeCode(value === undefined ? fallback : value);
  const now = new Date();
  const created = (await m.query(
    `INSERT INTO dossier (employer_id, state, state_changed_at, recorded, shortage_occupation, worker_id,
                          campaign_id, season, job_title, contract_type, planned_start, planned_end,
                          ofii_office, consulate)
     SELECT $1, 'DRAFT', $2, '{}'::jsonb, true, * FROM unnest($3::uuid[], $4::uuid[], $5::int[],
              $6::text[], $7::text[], $8::date[], $9::date[], $10::text[], $11::text[])
     RETURNING id`,
    [
      employer.id,
      now,
      dossiers.map((d) => d.workerId),
      dossiers.map((d) => d.campaignId),
      dossiers.map((d) => d.season),
      dossiers.map((d) => d.jobTitle),
      dossiers.map((d) => d.contractType),
      dossiers.map((d) => d.plannedStart),
      dossiers.map((d) => d.plannedEnd),
      dossiers.map((d) => office(d.ofiiOffice, employer.ofiiOffice)),
      dossiers.map((d) => office(d.consulate, employer.consulate)),
    ],
  )) as Array<{ id: string }>;
  await m.query(
    `INSERT INTO dossier_event (employer_id, dossier_id, at, actor_user_id, actor_name, kind,
                                from_state, to_state, data)
     SELECT $1, dossier_id, $2, $3, $4, 'transition', NULL, 'DRAFT', $5::jsonb
       FROM unnest($6::uuid[]) AS dossier_id`,
    [
      employer.id,
      now,
      actor.id,
      actor.name,
      JSON.stringify({ importedFrom: 'spreadsheet' }),
      created.map((d) => d.id),
    ],
  );
  return { workers: inserted.length, dossiers: created.length };
}
