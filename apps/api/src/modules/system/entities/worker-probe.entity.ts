import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One round trip API -> queue -> worker -> Postgres, used by the status page and the tests
 * to prove that a job really travels through Redis and that its effect lands in the database.
 */
@Entity({ name: 'worker_probe' })
export class WorkerProbeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  @Column({ name: 'processed_by', type: 'text', nullable: true })
  processedBy!: string | null;
}
