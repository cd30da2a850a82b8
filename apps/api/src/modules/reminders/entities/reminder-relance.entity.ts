import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { EmployerEntity } from '../../employers/entities/employer.entity';

/**
 * An OFII follow-up ("relance") prepared in an employer's digest for one office, shared by every
 * recipient of that digest. A later digest reuses it only while it is unconfirmed and lists the same
 * dossiers; otherwise (one confirmed, a new worker waiting) it gets a new one, so a day may hold
 * several per employer and office. The e-mailed link is signed with APP_SECRET (no token is stored);
 * confirming it sets confirmed_at once and writes "relance envoyée" on each listed dossier.
 */
@Entity({ name: 'reminder_relance' })
@Index('reminder_relance_employer_office_day_idx', [
  'employerId',
  'ofiiOffice',
  'preparedOn',
])
export class ReminderRelanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'reminder_relance_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ name: 'ofii_office', type: 'varchar', length: 64 })
  ofiiOffice!: string;

  /** The digest's day (Europe/Paris). */
  @Column({ name: 'prepared_on', type: 'date' })
  preparedOn!: string;

  /** The dossiers listed, as they were when the digest was prepared. */
  @Column({ name: 'dossier_ids', type: 'uuid', array: true })
  dossierIds!: string[];

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
