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
import { EmployerEntity } from '../../employers/entities/employer.entity';
import type { Locale, UserRole } from '@moisson/contract';

/**
 * A person who signs in: firm staff (employer_id null) or a user of one employer (employer_id set).
 * Created when an invitation is accepted, so it always has a password.
 */
@Entity({ name: 'app_user' })
@Index('app_user_employer_idx', ['employerId', 'createdAt'])
@Check(
  'app_user_role_matches_employer',
  `(role IN ('firm_admin','firm_staff')) = (employer_id IS NULL)`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique across the portal. */
  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: UserRole;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @ManyToOne(() => EmployerEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'app_user_employer_fk',
  })
  employer?: Relation<EmployerEntity> | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale!: Locale;

  /** AES-GCM encrypted TOTP secret (see SecretBox); null while two-factor is off. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** Last accepted TOTP time step: a code is never accepted twice. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep!: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
