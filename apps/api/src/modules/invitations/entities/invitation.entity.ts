import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
  Relation,
} from 'typeorm';
import { EmployerEntity } from '../../employers/entities/employer.entity';
import type { Locale, UserRole } from '@moisson/contract';

/** A single-use invitation link, valid 7 days (the token travels by e-mail; only its hash is stored). */
@Entity({ name: 'invitation' })
@Index('invitation_employer_idx', ['employerId', 'createdAt'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('invitation_token_key', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: UserRole;

  /** The employer the invitee joins; null for firm staff. */
  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @ManyToOne(() => EmployerEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'invitation_employer_fk',
  })
  employer?: Relation<EmployerEntity> | null;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale!: Locale;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
