import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DocumentUploadResponse } from '@moisson/contract';
import type { FastifyRequest } from 'fastify';
import { IsNull, Repository } from 'typeorm';
import { AccessService } from '../../core/auth/access.service';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { AppConfig } from '../../core/config/app-config';
import { DocumentStorage } from '../../core/storage/document-storage';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../dossiers/common/unique-violation';
import { WorkerEntity } from '../workers/entities/worker.entity';
import { displayNameFor } from './content-check/document-name';
import { workerNotFound } from './document-targets';
import { ReceivedDocument, receiveDocument } from './document-upload';
import { toDocumentListItem } from './document.mapper';
import { DocumentsService } from './documents.service';
import { DocumentEntity } from './entities/document.entity';
import { permitSuggestion } from './permit-suggestion';

interface Owner {
  employerId: string;
  workerId: string;
  dossierId: string | null;
}

const ORIGINAL_KEYS = [
  'document_dossier_original_key',
  'document_worker_original_key',
];

/**
 * Uploads: the employer (tenant) access check, then the dossier (or worker), before the body is
 * read; both upload routes leave these checks to this service. The file is checked while it
 * streams into the storage; then one row is written. The same bytes already live on the dossier
 * (or worker): the new row shares their storage key and names them in `duplicateOf`, and the
 * second copy of the bytes is removed. The row and its audit line are written in one transaction;
 * any failure after the bytes were stored removes them: a refused or failed upload leaves neither
 * file nor row.
 */
@Injectable()
export class DocumentUploadService {
  private readonly logger = new Logger(DocumentUploadService.name);

  constructor(
    @InjectRepository(DocumentEntity)
    private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(WorkerEntity)
    private readonly workers: Repository<WorkerEntity>,
    private readonly reads: DocumentsService,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly access: AccessService,
  ) {}

  async toDossier(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    dossierId: string,
    request: FastifyRequest,
  ): Promise<DocumentUploadResponse> {
    await this.access.requireEmployerId(auth, employerId);
    const dossier = await this.reads.dossierOf(employerId, dossierId);
    const received = await this.receive(request, 'dossier');
    const document = await this.save(auth, meta, received, {
      employerId,
      workerId: dossier.workerId,
      dossierId,
    });
    return {
      document: toDocumentListItem(document),
      permitSuggestion:
        document.type === 'work_permit'
          ? permitSuggestion(dossier, received.fields)
          : null,
    };
  }

  async toWorker(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    workerId: string,
    request: FastifyRequest,
  ): Promise<DocumentUploadResponse> {
    await this.access.requireEmployerId(auth, employerId);
    if (!(await this.workers.existsBy({ employerId, id: workerId })))
      throw workerNotFound(workerId);
    const received = await this.receive(request, 'worker');
    const document = await this.save(auth, meta, received, {
      employerId,
      workerId,
      dossierId: null,
    });
    return { document: toDocumentListItem(document), permitSuggestion: null };
  }

  private receive(
    request: FastifyRequest,
    target: 'dossier' | 'worker',
  ): Promise<ReceivedDocument> {
    return receiveDocument(
      request,
      this.storage,
      this.config.DOCUMENT_MAX_BYTES,
      target,
    );
  }

  /**
   * The row and its audit line in one transaction, after the bytes are stored: if either cannot be
   * written, neither is, and the stored bytes are removed. A duplicate keeps the original's bytes
   * and its own copy is removed.
   */
  private async save(
    auth: AuthContext,
    meta: RequestMeta,
    received: ReceivedDocument,
    owner: Owner,
  ): Promise<DocumentEntity> {
    let document: DocumentEntity | null = null;
    try {
      // A concurrent upload of the same bytes may become the original first: the second attempt
      // finds it and records a duplicate.
      for (let attempt = 0; attempt < 2 && !document; attempt++)
        document = await this.insert(auth, meta, received, owner);
      if (!document)
        throw new Error('document upload: duplicate race lost twice');
      return document;
    } finally {
      if (document?.storageKey !== received.stored.key)
        await this.storage
          .delete(received.stored.key)
          .catch((error) =>
            this.logger.error(
              `Could not remove stored object ${received.stored.key}: ${String(error)}`,
            ),
          );
    }
  }

  /** The row, or null when a concurrent upload of the same bytes became the original first. */
  private async insert(
    auth: AuthContext,
    meta: RequestMeta,
    received: ReceivedDocument,
    owner: Owner,
  ): Promise<DocumentEntity | null> {
    const { fields, stored, scan, name } = received;
    try {
      return await this.documents.manager.transaction(async (m) => {
        const documents = m.getRepository(DocumentEntity);
        const existing = await documents.findOne({
          where: {
            employerId: owner.employerId,
            workerId: owner.workerId,
            dossierId: owner.dossierId ?? IsNull(),
            sha256: stored.sha256,
            deletedAt: IsNull(),
          },
          order: { uploadedAt: 'ASC' },
        });
        const document = await documents.save(
          documents.create({
            ...owner,
            type: fields.type,
            reference: fields.reference,
            validFrom: fields.validFrom,
            validUntil: fields.validUntil,
            storageKey: existing ? existing.storageKey : stored.key,
            size: scan.size,
            sha256: stored.sha256,
            contentType: scan.contentType,
            displayName: displayNameFor(name, scan.format, fields.type),
            duplicateOf: existing ? existing.id : null,
            uploadedAt: new Date(),
            uploadedBy: auth.user.id,
            uploadedByName: auth.user.fullName,
          }),
        );
        await this.audit.record(
          {
            action: 'document.uploaded',
            actor: auth.user,
            employerId: owner.employerId,
            targetType: 'document',
            targetId: document.id,
            ip: meta.ip,
            details: {
              ...this.reads.auditDetails(document),
              size: document.size,
              sha256: document.sha256,
              duplicateOf: document.duplicateOf,
            },
          },
          m,
        );
        return document;
      });
    } catch (error) {
      if (ORIGINAL_KEYS.some((key) => isUniqueViolation(error, key)))
        return null;
      throw error;
    }
  }
}
