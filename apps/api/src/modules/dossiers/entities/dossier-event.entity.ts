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
import type { DossierEventKind } from '@moisson/contract';
import type { DossierState } from '@moisson/domain';
import { EmployerEntity } from '../../employers/entities/employer.entity';
import { DossierEntity } from './dossier.entity';

/** Written out for the TypeORM CLI; dossier-entities.spec.ts keeps it equal to DOSSIER_EVENT_KINDS. */
export const DOSSIER_EVENT_KIND_CHECK = `kind IN ('transition', 'edit', 'note', 'relance')`;

/**
 * The timeline of a dossier: who did what, when, with which data. Immutable: no route updates or
 * deletes it, and a trigger (migration) refuses UPDATE and DELETE at the database level too.
 */
@Entity({ name: 'dossier_event' })
@Index('dossier_event_employer_dossier_at_idx', [
  'employerId',
  'dossierId',
  'at',
  'id',
])
@Check('dossier_event_kind_known', DOSSIER_EVENT_KIND_CHECK)
export class DossierEventEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
  })
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'dossier_event_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => DossierEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'dossier_id',
    foreignKeyConstraintName: 'dossier_event_dossier_fk',
  })
  dossier?: Relation<DossierEntity>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** Null for events written by the system (demo seed, scheduled jobs). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** The actor's name at the time, kept even if the user is later renamed or disabled. */
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: DossierEventKind;

  @Column({ name: 'from_state', type: 'varchar', length: 32, nullable: true })
  fromState!: DossierState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 32, nullable: true })
  toState!: DossierState | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;
}
