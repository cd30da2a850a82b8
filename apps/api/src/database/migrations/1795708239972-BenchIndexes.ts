import { MigrationInterface, QueryRunner } from 'typeorm';

export class BenchIndexes1795708239972 implements MigrationInterface {
  name = 'BenchIndexes1795708239972';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_state_planned_start_idx" ON "dossier" ("employer_id", "state", "planned_start", "id")
        `);
    // Written by hand (TypeORM cannot express operator classes): the text search of the worker and
    // dossier lists, ILIKE '%word%' on surname or given names, led by employer_id. pg_trgm and
    // btree_gin are trusted extensions shipped with PostgreSQL (contrib).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(`
            CREATE INDEX "worker_employer_name_trgm_idx" ON "worker" USING gin ("employer_id", "surname" gin_trgm_ops, "given_names" gin_trgm_ops)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."worker_employer_name_trgm_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_state_planned_start_idx"
        `);
  }
}
