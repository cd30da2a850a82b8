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
import { UserEntity } from '../../users/entities/user.entity';

/**
 * A server-side session. The cookie holds a random token; only its SHA-256 hash is stored.
 * It ends after 30 minutes without use, 12 hours after sign-in, on sign-out, on a password change and
 * when the user is disabled.
 */
@Entity({ name: 'user_session' })
@Index('user_session_user_idx', ['userId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('user_session_token_key', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'user_session_user_fk',
  })
  user?: Relation<UserEntity>;

  /** False until the TOTP step (or enrolment, for firm staff) is done, when two-factor applies. */
  @Column({ name: 'totp_passed', type: 'boolean', default: false })
  totpPassed!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'absolute_expires_at', type: 'timestamptz' })
  absoluteExpiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;
}
