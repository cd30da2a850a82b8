import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import type { DocumentContentType, DocumentType } from '@moisson/contract';
import { DossierEntity } from '../../dossiers/entities/dossier.entity';
import { EmployerEntity } from '../../employers/entities/employer.entity';
import { WorkerEntity } from '../../workers/entities/worker.entity';

/**
 * Written out for the TypeORM CLI (no path aliases there); document-entity.spec.ts keeps them equal
 * to DOCUMENT_TYPES and DOCUMENT_CONTENT_TYPES.
 */
export const DOCUMENT_TYPE_CHECK = `type IN ('work_permit', 'passport', 'employment_contract', 'ofii_convocation', 'medical_certificate', 'visa', 'refusal_decision', 'crrv_appeal', 'crrv_decision', 'judgment', 'accommodation', 'dpae', 'residence_card', 'other')`;
export const DOCUMENT_CONTENT_TYPE_CHECK = `content_type IN ('application/pdf', 'image/jpeg', 'image/png')`;

/**
 * A paper of a dossier, or of a worker (passport, residence card: `dossier_id` null). The bytes live
 * in the document storage under `storage_key` (generated, never the user's file name); the row keeps
 * what was checked: size, SHA-256, the content type detected from the bytes, the sanitised original
 * name for display. Deleting is soft (`deleted_at`); firm staff can restore.
 *
 * The same bytes twice on one dossier (or one worker) are not stored twice: the second row points
 * to the first row's storage key and names it in `duplicate_of`. A partial unique index allows one
 * live original per (employer, dossier or worker, sha256), so two concurrent uploads cannot both be
 * originals.
 */
@Entity({ name: 'document' })
@Index('document_employer_dossier_idx', [
  'employerId',
  'dossierId',
  'uploadedAt',
  'id',
])
@Index('document_employer_worker_idx', [
  'employerId',
  'workerId',
  'uploadedAt',
  'id',
])
@Index('document_dossier_original_key', ['employerId', 'dossierId', 'sha256'], {
  unique: true,
  where: `dossier_id IS NOT NULL AND deleted_at IS NULL AND duplicate_of IS NULL`,
})
@Index('document_worker_original_key', ['employerId', 'workerId', 'sha256'], {
  unique: true,
  where: `dossier_id IS NULL AND deleted_at IS NULL AND duplicate_of IS NULL`,
})
// Validity ends for the reminders (documentExpiries).
@Index('document_expiry_idx', ['validUntil'], {
  where: `valid_until IS NOT NULL AND deleted_at IS NULL`,
})
@Check('document_type_known', DOCUMENT_TYPE_CHECK)
@Check('document_content_type_known', DOCUMENT_CONTENT_TYPE_CHECK)
@Check('document_validity_order', `valid_until >= valid_from`)
@Check('document_size_positive', `size > 0`)
@Check('document_sha256_hex', `sha256 ~ '^[0-9a-f]{64}$'`)
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'document_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  @ManyToOne(() => WorkerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'worker_id',
    foreignKeyConstraintName: 'document_worker_fk',
  })
  worker?: Relation<WorkerEntity>;

  /** Null for a worker-level paper (passport, residence card). */
  @Column({ name: 'dossier_id', type: 'uuid', nullable: true })
  dossierId!: string | null;

  @ManyToOne(() => DossierEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'dossier_id',
    foreignKeyConstraintName: 'document_dossier_fk',
  })
  dossier?: Relation<DossierEntity> | null;

  @Column({ type: 'varchar', length: 32 })
  type!: DocumentType;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: DocumentContentType;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** The first live document with the same bytes on this dossier (or worker), when this is a copy. */
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf!: string | null;

  @ManyToOne(() => DocumentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'duplicate_of',
    foreignKeyConstraintName: 'document_duplicate_of_fk',
  })
  original?: Relation<DocumentEntity> | null;

  @Column({
    name: 'uploaded_at',
    type: 'timestamptz',
    precision: 3,
    default: () => 'now()',
  })
  uploadedAt!: Date;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  /** The uploader's name at the time. */
  @Column({ name: 'uploaded_by_name', type: 'text', nullable: true })
  uploadedByName!: string | null;

  @Column({
    name: 'deleted_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
  })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;

  @Column({ name: 'deleted_by_name', type: 'text', nullable: true })
  deletedByName!: string | null;
}
