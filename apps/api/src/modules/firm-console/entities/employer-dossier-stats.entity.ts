import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { EmployerEntity } from '../../employers/entities/employer.entity';

/**
 * Counters of one employer's dossiers, read by the firm's employers overview instead of counting
 * a million dossiers live. Kept by statement-level triggers on `dossier` (migration
 * FirmConsole..., function `employer_dossier_stats_on_change`): every INSERT, UPDATE or DELETE of
 * dossiers, through the API, an import, the demo seed or plain SQL, changes these rows in the same
 * transaction, so they cannot drift. Nothing in the application writes this table.
 *
 * Only what does not depend on the day is counted here (states, stages, the oldest transmission
 * to OFII); what does (convocations overdue today, the nearest deadline from today) is read per
 * employer from the partial indexes of `dossier`.
 */
@Entity({ name: 'employer_dossier_stats' })
export class EmployerDossierStatsEntity {
  @PrimaryColumn({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @OneToOne(() => EmployerEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'employer_dossier_stats_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  /** Every dossier of the employer. */
  @Column({ type: 'int', default: 0 })
  dossiers!: number;

  /** Dossiers not CLOSED, ABANDONED or WITHDRAWN. */
  @Column({ type: 'int', default: 0 })
  active!: number;

  // One column per stage of @moisson/domain (DOSSIER_STAGES); the trigger maps states to stages.
  @Column({ name: 'stage_preparation', type: 'int', default: 0 })
  stagePreparation!: number;
  @Column({ name: 'stage_work_permit', type: 'int', default: 0 })
  stageWorkPermit!: number;
  @Column({ name: 'stage_ofii', type: 'int', default: 0 })
  stageOfii!: number;
  @Column({ name: 'stage_visa', type: 'int', default: 0 })
  stageVisa!: number;
  @Column({ name: 'stage_appeals', type: 'int', default: 0 })
  stageAppeals!: number;
  @Column({ name: 'stage_arrival', type: 'int', default: 0 })
  stageArrival!: number;
  @Column({ name: 'stage_residence', type: 'int', default: 0 })
  stageResidence!: number;
  @Column({ name: 'stage_return', type: 'int', default: 0 })
  stageReturn!: number;
  @Column({ name: 'stage_ended', type: 'int', default: 0 })
  stageEnded!: number;

  /** Dossiers in AWAITING_OFII. */
  @Column({ name: 'awaiting_ofii', type: 'int', default: 0 })
  awaitingOfii!: number;

  /** The earliest transmission date among them: today minus it is the longest wait. */
  @Column({ name: 'oldest_transmitted_on', type: 'date', nullable: true })
  oldestTransmittedOn!: string | null;

  /** Dossiers refused (VISA_REFUSED*, CRRV_REJECTED*) with no appeal recorded yet. */
  @Column({ name: 'refusals_unappealed', type: 'int', default: 0 })
  refusalsUnappealed!: number;

  /** The latest change to one of the employer's dossiers. */
  @Column({
    name: 'last_activity_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
  })
  lastActivityAt!: Date | null;
}
