import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale } from '@moisson/contract';
import { EmployerEntity } from '../../employers/entities/employer.entity';

/**
 * One employer's reminder settings, written when its owner first saves them; until then the
 * domain's DEFAULT_REMINDER_SETTINGS apply.
 */
@Entity({ name: 'reminder_settings' })
export class ReminderSettingsEntity {
  @PrimaryColumn({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @OneToOne(() => EmployerEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'reminder_settings_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ name: 'convocation_overdue_days', type: 'int' })
  convocationOverdueDays!: number;

  @Column({ name: 'convocation_repeat_days', type: 'int' })
  convocationRepeatDays!: number;

  @Column({ type: 'varchar', length: 2 })
  language!: Locale;

  /** Lower-case addresses that receive the employer's reminders besides its users. */
  @Column({
    name: 'extra_recipients',
    type: 'text',
    array: true,
    default: () => "'{}'",
  })
  extraRecipients!: string[];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
