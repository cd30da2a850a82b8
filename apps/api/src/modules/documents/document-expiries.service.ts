import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ValidityDocumentType } from '@moisson/contract';
import { DataSource, EntityManager } from 'typeorm';

/** A validity end read from an uploaded document (shape of @moisson/domain's DocumentExpiry). */
export interface DossierDocumentExpiry {
  kind: ValidityDocumentType;
  validUntil: string;
  documentId: string;
}

/**
 * For the reminders: the validity ends of each dossier's live passport, work permit, visa and
 * residence card documents, those of the dossier and its worker's worker-level ones. One query;
 * `document_expiry_idx` serves the candidate search (DOCUMENT_EXPIRY_DOSSIERS_SQL).
 */
const EXPIRIES_SQL = `
SELECT d.id AS dossier_id, doc.id AS document_id, doc.type AS kind,
       to_char(doc.valid_until, 'YYYY-MM-DD') AS valid_until
  FROM dossier d
  JOIN document doc
    ON doc.employer_id = d.employer_id
   AND (doc.dossier_id = d.id OR (doc.dossier_id IS NULL AND doc.worker_id = d.worker_id))
 WHERE d.id = ANY($1::uuid[])
   AND doc.deleted_at IS NULL
   AND doc.valid_until IS NOT NULL
   AND doc.type IN ('passport', 'work_permit', 'visa', 'residence_card')`;

/**
 * Ids of the dossiers having a live validity document ending between $1 and $2 (dates), for a
 * reminder sweep's UNION of candidates. Terminal dossiers are left out.
 */
export const DOCUMENT_EXPIRY_DOSSIERS_SQL = `
SELECT d.id FROM document doc
  JOIN dossier d
    ON d.employer_id = doc.employer_id
   AND (d.id = doc.dossier_id OR (doc.dossier_id IS NULL AND d.worker_id = doc.worker_id))
 WHERE doc.valid_until IS NOT NULL AND doc.deleted_at IS NULL
   AND doc.valid_until BETWEEN $1::date AND $2::date
   AND doc.type IN ('passport', 'work_permit', 'visa', 'residence_card')
   AND d.state NOT IN ('CLOSED', 'ABANDONED', 'WITHDRAWN')`;

@Injectable()
export class DocumentExpiriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One employer's dossiers (an id of another employer gives nothing): dossier id -> its expiries. */
  async documentExpiries(
    employerId: string,
    dossierIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DossierDocumentExpiry[]>> {
    return this.query(
      manager,
      `${EXPIRIES_SQL} AND d.employer_id = $2 ORDER BY doc.valid_until`,
      [dossierIds, employerId],
      dossierIds,
    );
  }

  /** The same for a system job that sweeps every employer's dossiers (no tenant: the worker only). */
  async documentExpiriesOfAnyEmployer(
    dossierIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DossierDocumentExpiry[]>> {
    return this.query(
      manager,
      `${EXPIRIES_SQL} ORDER BY doc.valid_until`,
      [dossierIds],
      dossierIds,
    );
  }

  private async query(
    manager: EntityManager,
    sql: string,
    parameters: unknown[],
    dossierIds: readonly string[],
  ): Promise<Map<string, DossierDocumentExpiry[]>> {
    const result = new Map<string, DossierDocumentExpiry[]>(
      dossierIds.map((id) => [id, []]),
    );
    if (dossierIds.length === 0) return result;
    const rows: Array<{
      dossier_id: string;
      document_id: string;
      kind: ValidityDocumentType;
      valid_until: string;
    }> = await manager.query(sql, parameters);
    for (const row of rows)
      result.get(row.dossier_id)?.push({
        kind: row.kind,
        validUntil: row.valid_until,
        documentId: row.document_id,
      });
    return result;
  }
}
