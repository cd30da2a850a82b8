import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type {
  Locale,
  ReminderAudienceCode,
  ReminderKindCode,
  ReminderOutboxStatus,
} from '@moisson/contract';
import { DossierEntity } from '../../dossiers/entities/dossier.entity';
import { EmployerEntity } from '../../employers/entities/employer.entity';

/** Written out for the TypeORM CLI; reminder-entities.spec.ts keeps it equal to REMINDER_OUTBOX_STATUSES. */
export const REMINDER_OUTBOX_STATUS_CHECK = `status IN ('pending', 'sending', 'sent', 'failed')`;

/** What a due reminder carries besides its key columns (DueReminder less its ids). */
export interface ReminderOutboxDetails {
  deadline?: { kind: string; date: string; legal: boolean };
  daysWaited?: number;
  ofiiOffice?: string;
  document?: { kind: string; validUntil: string };
  implicitDecision?: { kind: string; arisesOn: string };
}

/**
 * One reminder for one recipient: the source of truth of what must be e-mailed. The sweep inserts
 * rows with ON CONFLICT DO NOTHING on (reminder_key, recipient), so finding the same reminder twice
 * writes it once. A worker claims rows under a lease (status 'sending', lease_until, leased_by) and
 * marks them sent only once the SMTP server accepted the message; a row whose lease ran out is
 * claimed again by the next job the sweep queues for it.
 */
@Entity({ name: 'reminder_outbox' })
@Index('reminder_outbox_key_recipient_key', ['reminderKey', 'recipient'], {
  unique: true,
})
@Index('reminder_outbox_employer_dossier_idx', ['employerId', 'dossierId'])
@Index('reminder_outbox_recipient_created_idx', ['recipient', 'createdAt'])
@Index('reminder_outbox_created_idx', ['createdAt', 'id'])
@Index('reminder_outbox_status_created_idx', ['status', 'createdAt', 'id'])
// What is left to send: claims and the sweep's re-enqueue read only these rows.
@Index('reminder_outbox_unsent_idx', ['recipient', 'sendAfter'], {
  where: `status IN ('pending', 'sending')`,
})
@Check('reminder_outbox_status_known', REMINDER_OUTBOX_STATUS_CHECK)
@Check('reminder_outbox_audience_known', `audience IN ('employer', 'firm')`)
export class ReminderOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** DueReminder.key: `${kind}:${dossierId}:${step}:${dueDate}:${audience}`. */
  @Column({ name: 'reminder_key', type: 'text' })
  reminderKey!: string;

  /** One plain address, lower-case. */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'varchar', length: 2 })
  locale!: Locale;

  @Column({ type: 'varchar', length: 32 })
  kind!: ReminderKindCode;

  @Column({ type: 'varchar', length: 8 })
  audience!: ReminderAudienceCode;

  @Column({ type: 'varchar', length: 32 })
  step!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** Sent at once in its own e-mail rather than in the daily digest. */
  @Column({ type: 'boolean' })
  urgent!: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: ReminderOutboxDetails;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'reminder_outbox_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'dossier_id',
    foreignKeyConstraintName: 'reminder_outbox_dossier_fk',
  })
  dossier?: Relation<DossierEntity>;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status!: ReminderOutboxStatus;

  /** Not before: the recipient's next 07:00 Europe/Paris digest, or the sweep's time when urgent. */
  @Column({ name: 'send_after', type: 'timestamptz', precision: 3 })
  sendAfter!: Date;

  @Column({
    name: 'lease_until',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
  })
  leaseUntil!: Date | null;

  /** The claim's token (host, pid and a random part): only that claim may mark the row sent. */
  @Column({ name: 'leased_by', type: 'text', nullable: true })
  leasedBy!: string | null;

  /** Delivery attempts that reached the SMTP server or failed trying. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({
    name: 'sent_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
  })
  sentAt!: Date | null;

  /** Message-ID of the accepted e-mail (a digest carries several rows). */
  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ name: 'resend_count', type: 'int', default: 0 })
  resendCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
