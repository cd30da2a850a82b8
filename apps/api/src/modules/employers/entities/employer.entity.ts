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
import type { Sector } from '@moisson/contract';
import type { UserEntity } from '../../users/entities/user.entity';

/** A farm (the tenant). Every employer-owned row elsewhere carries its id. */
@Entity({ name: 'employer' })
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName!: string;

  @Index('employer_siret_key', { unique: true })
  @Column({ type: 'char', length: 14 })
  siret!: string;

  @Column({ name: 'address_line', type: 'text' })
  addressLine!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'varchar', length: 3 })
  departement!: string;

  @Column({ type: 'varchar', length: 32 })
  sector!: Sector;

  @Column({ name: 'ofii_office', type: 'varchar', length: 64, nullable: true })
  ofiiOffice!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  consulate!: string | null;

  @Index('employer_assigned_staff_idx')
  @Column({ name: 'assigned_staff_id', type: 'uuid', nullable: true })
  assignedStaffId!: string | null;

  // By name: user.entity imports this file, and a class reference here would be circular.
  @ManyToOne('UserEntity', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'assigned_staff_id',
    foreignKeyConstraintName: 'employer_assigned_staff_fk',
  })
  assignedStaff?: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
