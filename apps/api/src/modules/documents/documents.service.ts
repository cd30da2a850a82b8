import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DOCUMENT_TYPE_LABELS,
  DocumentChecklist,
  DocumentListItem,
  DocumentType,
  isFirmRole,
} from '@moisson/contract';
import { expectedDocuments, missingDocuments } from '@moisson/domain';
import { IsNull, Repository } from 'typeorm';
import { isUniqueViolation } from '../dossiers/common/unique-violation';
import type { Readable } from 'node:stream';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { DocumentStorage } from '../../core/storage/document-storage';
import { AuditService } from '../audit/audit.service';
import { DossierEntity } from '../dossiers/entities/dossier.entity';
import { WorkerEntity } from '../workers/entities/worker.entity';
import {
  documentNotFound,
  dossierNotFound,
  workerNotFound,
} from './document-targets';
import { toDocumentListItem } from './document.mapper';
import { DocumentEntity } from './entities/document.entity';

/** A document's bytes on their way to the client, with what the headers need. */
export interface DocumentContent {
  document: DocumentEntity;
  stream: Readable;
}

/** Lists, checklist, reads (audited), soft delete and restore of documents. Uploads: DocumentUploadService. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(DocumentEntity)
    private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DossierEntity)
    private readonly dossiers: Repository<DossierEntity>,
    @InjectRepository(WorkerEntity)
    private readonly workers: Repository<WorkerEntity>,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
  ) {}

  /** The dossier's documents and its worker's worker-level ones, newest first. */
  async listForDossier(
    auth: AuthContext,
    employerId: string,
    dossierId: string,
    includeDeleted: boolean,
  ): Promise<DocumentListItem[]> {
    const dossier = await this.dossierOf(employerId, dossierId);
    const q = this.documents
      .createQueryBuilder('d')
      .where('d.employer_id = :employerId', { employerId })
      .andWhere(
        '(d.dossier_id = :dossierId OR (d.dossier_id IS NULL AND d.worker_id = :workerId))',
        { dossierId, workerId: dossier.workerId },
      )
      .orderBy('d.uploaded_at', 'DESC')
      .addOrderBy('d.id', 'DESC');
    if (!(includeDeleted && isFirmRole(auth.user.role)))
      q.andWhere('d.deleted_at IS NULL');
    return (await q.getMany()).map(toDocumentListItem);
  }

  /** Every document of a worker: worker level and all their dossiers, newest first. */
  async listForWorker(
    auth: AuthContext,
    employerId: string,
    workerId: string,
    includeDeleted: boolean,
  ): Promise<DocumentListItem[]> {
    if (!(await this.workers.existsBy({ employerId, id: workerId })))
      throw workerNotFound(workerId);
    const rows = await this.documents.find({
      where: {
        employerId,
        workerId,
        ...(includeDeleted && isFirmRole(auth.user.role)
          ? {}
          : { deletedAt: IsNull() }),
      },
      order: { uploadedAt: 'DESC', id: 'DESC' },
    });
    return rows.map(toDocumentListItem);
  }

  /** What the dossier's state usually needs, what is there, what is missing. */
  async checklist(
    employerId: string,
    dossierId: string,
  ): Promise<DocumentChecklist> {
    const dossier = await this.dossierOf(employerId, dossierId);
    const present: Array<{ id: string; type: DocumentType }> =
      await this.documents
        .createQueryBuilder('d')
        .select(['d.id AS id', 'd.type AS type'])
        .where('d.employer_id = :employerId', { employerId })
        .andWhere(
          '(d.dossier_id = :dossierId OR (d.dossier_id IS NULL AND d.worker_id = :workerId))',
          { dossierId, workerId: dossier.workerId },
        )
        .andWhere('d.deleted_at IS NULL')
        .orderBy('d.uploaded_at', 'ASC')
        .getRawMany();
    const expected = expectedDocuments(dossier.state);
    const presentTypes = [...new Set(present.map((d) => d.type))];
    return {
      dossierId,
      state: dossier.state,
      items: expected.map((type) => {
        const ids = present.filter((d) => d.type === type).map((d) => d.id);
        return {
          type,
          label: DOCUMENT_TYPE_LABELS[type],
          present: ids.length > 0,
          documentIds: ids,
        };
      }),
      expected,
      present: presentTypes,
      missing: missingDocuments(dossier.state, presentTypes),
    };
  }

  /** One document; a deleted one only for firm staff. */
  async get(
    auth: AuthContext,
    employerId: string,
    documentId: string,
  ): Promise<DocumentListItem> {
    const document = await this.find(employerId, documentId);
    if (document.deletedAt && !isFirmRole(auth.user.role))
      throw documentNotFound(documentId);
    return toDocumentListItem(document);
  }

  /**
   * The bytes of a live document for download or preview. Each read writes `document.read` (who,
   * which document, download or preview, from where) to the audit log before a byte is sent.
   */
  async read(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    documentId: string,
    via: 'download' | 'preview',
  ): Promise<DocumentContent> {
    const document = await this.find(employerId, documentId);
    if (document.deletedAt) throw documentNotFound(documentId);
    const stream = await this.storage.stream(document.storageKey);
    try {
      await this.audit.record({
        action: 'document.read',
        actor: auth.user,
        employerId,
        targetType: 'document',
        targetId: document.id,
        ip: meta.ip,
        details: { ...this.auditDetails(document), via },
      });
    } catch (error) {
      stream.destroy(); // not a byte leaves unaudited, and the file or connection is let go
      throw error;
    }
    return { document, stream };
  }

  /** Soft delete: the row and the bytes stay (firm staff can restore); audited. */
  async remove(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    documentId: string,
  ): Promise<DocumentListItem> {
    const document = await this.find(employerId, documentId);
    if (document.deletedAt) throw documentNotFound(documentId);
    Object.assign(document, {
      deletedAt: new Date(),
      deletedBy: auth.user.id,
      deletedByName: auth.user.fullName,
    });
    await this.documents.update(
      { id: document.id, employerId },
      {
        deletedAt: document.deletedAt,
        deletedBy: document.deletedBy,
        deletedByName: document.deletedByName,
      },
    );
    await this.record(auth, meta, 'document.deleted', document);
    return toDocumentListItem(document);
  }

  /**
   * Undoes a delete (firm staff). If the same bytes were uploaded again meanwhile, the restored
   * document becomes a duplicate of that one (one live original per dossier and content).
   */
  async restore(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    documentId: string,
  ): Promise<DocumentListItem> {
    const document = await this.find(employerId, documentId);
    if (!document.deletedAt) return toDocumentListItem(document);
    const live = { deletedAt: null, deletedBy: null, deletedByName: null };
    try {
      await this.documents.update({ id: document.id, employerId }, live);
    } catch (error) {
      if (
        !isUniqueViolation(error, 'document_dossier_original_key') &&
        !isUniqueViolation(error, 'document_worker_original_key')
      )
        throw error;
      const original = await this.documents.findOneOrFail({
        where: {
          employerId,
          workerId: document.workerId,
          dossierId: document.dossierId ?? IsNull(),
          sha256: document.sha256,
          deletedAt: IsNull(),
          duplicateOf: IsNull(),
        },
      });
      await this.documents.update(
        { id: document.id, employerId },
        { ...live, duplicateOf: original.id },
      );
      document.duplicateOf = original.id;
    }
    Object.assign(document, live);
    await this.record(auth, meta, 'document.restored', document);
    return toDocumentListItem(document);
  }

  async dossierOf(
    employerId: string,
    dossierId: string,
  ): Promise<DossierEntity> {
    const dossier = await this.dossiers.findOneBy({
      employerId,
      id: dossierId,
    });
    if (!dossier) throw dossierNotFound(dossierId);
    return dossier;
  }

  auditDetails(document: DocumentEntity): Record<string, unknown> {
    return {
      documentId: document.id,
      dossierId: document.dossierId,
      workerId: document.workerId,
      type: document.type,
    };
  }

  private async record(
    auth: AuthContext,
    meta: RequestMeta,
    action: 'document.deleted' | 'document.restored',
    document: DocumentEntity,
  ): Promise<void> {
    await this.audit.record({
      action,
      actor: auth.user,
      employerId: document.employerId,
      targetType: 'document',
      targetId: document.id,
      ip: meta.ip,
      details: this.auditDetails(document),
    });
  }

  private async find(
    employerId: string,
    documentId: string,
  ): Promise<DocumentEntity> {
    const document = await this.documents.findOneBy({
      employerId,
      id: documentId,
    });
    if (!document) throw documentNotFound(documentId);
    return document;
  }
}
