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
import type { NoteVisibility } from '@moisson/contract';
import { DossierEntity } from '../../dossiers/entities/dossier.entity';
import { EmployerEntity } from '../../employers/entities/employer.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** Written out for the TypeORM CLI; note-checks.spec.ts keeps it equal to NOTE_VISIBILITIES. */
export const NOTE_VISIBILITY_CHECK = `visibility IN ('internal', 'shared')`;

/**
 * A firm staff member's note on an employer (dossier_id null) or on one of its dossiers: internal
 * to the firm, or shared with the employer's users. Written and changed by firm staff only.
 */
@Entity({ name: 'note' })
@Index('note_employer_created_idx', ['employerId', 'createdAt', 'id'])
@Index('note_employer_dossier_created_idx', [
  'employerId',
  'dossierId',
  'createdAt',
])
@Check('note_visibility_known', NOTE_VISIBILITY_CHECK)
export class NoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => EmployerEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'employer_id',
    foreignKeyConstraintName: 'note_employer_fk',
  })
  employer?: Relation<EmployerEntity>;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: true })
  dossierId!: string | null;

  @ManyToOne(() => DossierEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'dossier_id',
    foreignKeyConstraintName: 'note_dossier_fk',
  })
  dossier?: Relation<DossierEntity> | null;

  @Column({ type: 'varchar', length: 8 })
  visibility!: NoteVisibility;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'author_user_id',
    foreignKeyConstraintName: 'note_author_fk',
  })
  author?: Relation<UserEntity> | null;

  /** The author's name when writing, kept if the user is renamed or removed. */
  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  /** Set when the text or visibility is changed after creation. */
  @Column({
    name: 'edited_at',
    type: 'timestamptz',
    precision: 3,
    nullable: true,
  })
  editedAt!: Date | null;
}
