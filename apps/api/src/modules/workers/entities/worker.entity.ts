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
import type { PreferredLanguage } from '@moisson/contract';
import { EmployerEntity } from '../../employers/entities/employer.entity';

/**
 * A person an employer hires (one dossier per season). The passport number is stored normalised
 * (upper case, no spaces) and is unique per employer: importing the same hire twice finds it.
 */
@Entity({ name: 'worker' })
@Index('worker_employer_passport_key', ['employerId', 'passportNumber'], {
  unique: true,
})
@Index('worker_employer_name_idx', [
  'employerId',
  'surname',
  'givenNames',
  'id',
])
// The text search (every word ILIKE '%word%' in surname || ' ' || given_names, see worker-search.ts):
// a GIN trigram index on that expression led by employer_id (pg_trgm + btree_gin), written by hand in
// the WorkerFullNameSearch migration; TypeORM cannot express operator classes, so the schema diff
// leaves it alone.
@Index('worker_employer_full_name_trgm_idx', { synchronize: false })
// Passport expiry reminders: the sweep reads the passports expiring within 60 days.
@Index('worker_passport_expiry_idx', ['passportExpiry'])
@Check('worker_nationality_format', `nationality ~ '^[A-Z]{2}$'`)
@Check('worker_passport_number_format', `passport_number ~ '^[A-Z0-9]+$'`)
@Check(
  'worker_preferred_language_known',
  `preferred_language IN ('fr', 'en', 'ar')`,
)
export class WorkerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'worker_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'text' })
  surname!: string;

  @Column({ name: 'given_names', type: 'text' })
  givenNames!: string;

  /** 'YYYY-MM-DD' (TypeORM reads a date column as a string). */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ type: 'char', length: 2 })
  nationality!: string;

  @Column({ name: 'passport_number', type: 'varchar', length: 20 })
  passportNumber!: string;

  @Column({ name: 'passport_expiry', type: 'date' })
  passportExpiry!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({
    name: 'preferred_language',
    type: 'varchar',
    length: 2,
    default: 'fr',
  })
  preferredLanguage!: PreferredLanguage;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
