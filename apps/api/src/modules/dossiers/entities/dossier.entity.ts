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
import type { ContractType } from '@moisson/contract';
import type {
  DossierState,
  LegalDeadlineKind,
  RecordedTransitionData,
} from '@moisson/domain';
import { CampaignEntity } from '../../campaigns/entities/campaign.entity';
import { EmployerEntity } from '../../employers/entities/employer.entity';
import { WorkerEntity } from '../../workers/entities/worker.entity';

/**
 * The TypeORM CLI loads entities without the workspace path aliases, so the lists of the checks
 * below are written out; dossier-entities.spec.ts keeps them equal to DOSSIER_STATES and CONTRACT_TYPES.
 */
export const DOSSIER_STATE_CHECK = `state IN ('DRAFT', 'OFFER_PUBLISHED', 'AT_SUBMITTED', 'AT_GRANTED', 'AT_REFUSED', 'AWAITING_OFII', 'OFII_CONVOKED', 'MEDICAL_FIT', 'MEDICAL_UNFIT', 'VISA_FILED', 'VISA_ISSUED', 'VISA_REFUSED', 'VISA_REFUSED_VERBAL', 'VISA_REFUSED_IMPLICIT', 'CRRV_FILED', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT', 'TA_FILED', 'TA_ANNULLED', 'TA_REJECTED', 'ARRIVED', 'PERMIT_APPLIED', 'PERMIT_GRANTED', 'PERMIT_REFUSED_IMPLICIT', 'CONTRACT_ENDED', 'RETURNED', 'CLOSED', 'ABANDONED', 'WITHDRAWN')`;
export const DOSSIER_CONTRACT_TYPE_CHECK = `contract_type IN ('seasonal', 'fixed_term', 'open_ended')`;

/**
 * One worker, one season: where the worker stands in the procedure. The state only changes through
 * a transition, written in the same transaction as its `dossier_event`.
 *
 * Key dates are kept as columns, rewritten by every transition from the recorded data, so that the
 * list and its filters are one indexed query with no look at the events: `transmitted_on`
 * (convocation overdue), `legal_deadline_kind` / `legal_deadline_on` (the legal deadline running in
 * the current state, as @moisson/domain computes it), `last_step_on` (a new step may not predate it).
 * `recorded` holds the latest data of the transition into each state (the domain's
 * RecordedTransitionData), from which the detail computes every running deadline.
 */
@Entity({ name: 'dossier' })
@Index(
  'dossier_employer_worker_season_key',
  ['employerId', 'workerId', 'season'],
  { unique: true },
)
@Index('dossier_employer_state_idx', ['employerId', 'state', 'transmittedOn'])
// The list filtered by state(s) in its default order (planned start), without sorting the employer's rows.
@Index('dossier_employer_state_planned_start_idx', [
  'employerId',
  'state',
  'plannedStart',
  'id',
])
@Index('dossier_employer_campaign_idx', ['employerId', 'campaignId'])
@Index('dossier_employer_planned_start_idx', [
  'employerId',
  'plannedStart',
  'id',
])
@Index('dossier_employer_updated_idx', ['employerId', 'updatedAt', 'id'])
@Index('dossier_employer_legal_deadline_idx', ['employerId', 'legalDeadlineOn'])
@Index('dossier_employer_ofii_office_idx', ['employerId', 'ofiiOffice'])
// The reminder sweep's candidate selection (modules/reminders/reminder-candidates.ts): each branch
// reads one of these partial indexes, so the hourly sweep never scans the million dossiers.
@Index('dossier_reminder_awaiting_idx', ['transmittedOn'], {
  where: `state = 'AWAITING_OFII'`,
})
@Index('dossier_reminder_start_idx', ['plannedStart'], {
  where: `state IN ('DRAFT', 'OFFER_PUBLISHED', 'AT_SUBMITTED', 'AT_GRANTED', 'AT_REFUSED', 'AWAITING_OFII')`,
})
@Index('dossier_reminder_deadline_idx', ['legalDeadlineOn'], {
  where: `legal_deadline_on IS NOT NULL`,
})
@Index('dossier_reminder_refused_idx', ['stateChangedAt'], {
  where: `state IN ('VISA_REFUSED', 'VISA_REFUSED_VERBAL', 'VISA_REFUSED_IMPLICIT', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT', 'TA_REJECTED', 'PERMIT_REFUSED_IMPLICIT')`,
})
@Index('dossier_reminder_permit_idx', ['permitValidUntil'], {
  where: `permit_valid_until IS NOT NULL`,
})
// Expression indexes on dates kept in `recorded` (written by hand in the migration).
@Index('dossier_reminder_entry_idx', { synchronize: false })
@Index('dossier_reminder_visa_idx', { synchronize: false })
@Index('dossier_reminder_card_idx', { synchronize: false })
// Firm console (modules/firm-console): the nearest appeal deadline of each employer's refusals with
// no appeal recorded, and the OFII appointments of the calendar (expression, written by hand in the
// FirmConsole migration).
@Index(
  'dossier_employer_appeal_window_idx',
  ['employerId', 'legalDeadlineOn'],
  {
    where: `state IN ('VISA_REFUSED', 'VISA_REFUSED_VERBAL', 'VISA_REFUSED_IMPLICIT', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT')`,
  },
)
@Index('dossier_ofii_appointment_idx', { synchronize: false })
@Check('dossier_planned_dates_order', `planned_end >= planned_start`)
@Check('dossier_state_known', DOSSIER_STATE_CHECK)
@Check('dossier_contract_type_known', DOSSIER_CONTRACT_TYPE_CHECK)
export class DossierEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'dossier_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  @ManyToOne(() => WorkerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'worker_id',
    foreignKeyConstraintName: 'dossier_worker_fk',
  })
  worker?: Relation<WorkerEntity>;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  @ManyToOne(() => CampaignEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'campaign_id',
    foreignKeyConstraintName: 'dossier_campaign_fk',
  })
  campaign?: Relation<CampaignEntity> | null;

  @Column({ type: 'int' })
  season!: number;

  @Column({ name: 'job_title', type: 'text' })
  jobTitle!: string;

  @Column({ name: 'contract_type', type: 'varchar', length: 16 })
  contractType!: ContractType;

  /** Métier en tension: the work permit may be requested without a published job offer. */
  @Column({ name: 'shortage_occupation', type: 'boolean', default: true })
  shortageOccupation!: boolean;

  @Column({ name: 'planned_start', type: 'date' })
  plannedStart!: string;

  @Column({ name: 'planned_end', type: 'date' })
  plannedEnd!: string;

  /** Set by the AT_GRANTED transition. */
  @Column({ name: 'permit_number', type: 'text', nullable: true })
  permitNumber!: string | null;

  @Column({ name: 'permit_granted_on', type: 'date', nullable: true })
  permitGrantedOn!: string | null;

  @Column({ name: 'permit_valid_until', type: 'date', nullable: true })
  permitValidUntil!: string | null;

  /** Office code ('casablanca'): the employer's at creation, then the AWAITING_OFII transition's. */
  @Column({ name: 'ofii_office', type: 'varchar', length: 64, nullable: true })
  ofiiOffice!: string | null;

  /** Consulate code: the employer's at creation, then the VISA_FILED transition's. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  consulate!: string | null;

  @Column({ type: 'varchar', length: 32, default: 'DRAFT' })
  state!: DossierState;

  @Column({
    name: 'state_changed_at',
    type: 'timestamptz',
    precision: 3,
    default: () => 'now()',
  })
  stateChangedAt!: Date;

  /** The latest data of the transition into each state (a cache of the timeline, same transaction). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  recorded!: RecordedTransitionData;

  /** Date of the latest step recorded (eventDateOf): the next step may not be earlier. */
  @Column({ name: 'last_step_on', type: 'date', nullable: true })
  lastStepOn!: string | null;

  /** Date the file was sent to OFII (AWAITING_OFII): drives "convocation overdue". */
  @Column({ name: 'transmitted_on', type: 'date', nullable: true })
  transmittedOn!: string | null;

  /** The legal deadline running in the current state, if any (kind and due date). */
  @Column({
    name: 'legal_deadline_kind',
    type: 'varchar',
    length: 32,
    nullable: true,
  })
  legalDeadlineKind!: LegalDeadlineKind | null;

  @Column({ name: 'legal_deadline_on', type: 'date', nullable: true })
  legalDeadlineOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** Millisecond precision, so that a JavaScript Date in a cursor matches the stored value. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
