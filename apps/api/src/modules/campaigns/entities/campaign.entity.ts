import {
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

/** A season's group of hires that travel together ("Vendanges 2027"); the name is unique per employer. */
@Entity({ name: 'campaign' })
@Index('campaign_employer_name_key', ['employerId', 'name'], { unique: true })
@Index('campaign_employer_season_idx', ['employerId', 'season'])
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'campaign_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ type: 'text' })
  name!: string;

  /** The year of the season, e.g. 2027. */
  @Column({ type: 'int' })
  season!: number;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
