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
} from 'typeorm';
import type { CalendarFeedScope } from '@moisson/contract';
import { UserEntity } from '../../users/entities/user.entity';

/** Written out for the TypeORM CLI; modules/notes/note-checks.spec.ts keeps it equal to CALENDAR_FEED_SCOPES. */
export const CALENDAR_FEED_SCOPE_CHECK = `scope IN ('employer', 'assigned', 'all')`;

/**
 * A user's ICS feed: the secret URL holds a random token, the table only its SHA-256. Rotating
 * revokes the row and adds a new one; revoking sets revoked_at. At most one live feed per user.
 */
@Entity({ name: 'calendar_feed' })
@Index('calendar_feed_live_user_key', ['userId'], {
  unique: true,
  where: 'revoked_at IS NULL',
})
@Check('calendar_feed_scope_known', CALENDAR_FEED_SCOPE_CHECK)
export class CalendarFeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('calendar_feed_token_key', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'calendar_feed_user_fk',
  })
  user?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 16 })
  scope!: CalendarFeedScope;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({
    name: 'revoked_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
  })
  revokedAt!: Date | null;

  @Column({
    name: 'last_fetched_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
  })
  lastFetchedAt!: Date | null;
}
