import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (TypeORM cannot express operator classes). The name search looks for every word in
 * `surname || ' ' || given_names` (workers/worker-search.ts): one trigram index on that expression lets
 * a single index scan intersect all the words (a worker's full name: a handful of rows), where the
 * index on the two columns could only use the first word and recheck its thousands of matches.
 */
export class WorkerFullNameSearch1795715033026 implements MigrationInterface {
  name = 'WorkerFullNameSearch1795715033026';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "worker_employer_full_name_trgm_idx" ON "worker" USING gin ("employer_id", (("surname" || ' ') || "given_names") gin_trgm_ops)
        `);
    await queryRunner.query(`
            DROP INDEX "public"."worker_employer_name_trgm_idx"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "worker_employer_name_trgm_idx" ON "worker" USING gin ("employer_id", "surname" gin_trgm_ops, "given_names" gin_trgm_ops)
        `);
    await queryRunner.query(`
            DROP INDEX "public"."worker_employer_full_name_trgm_idx"
        `);
  }
}
