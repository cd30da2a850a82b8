import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An OFII follow-up is no longer one per employer, office and day: a second digest of the day that
 * lists other dossiers (a new worker waiting, or the first follow-up already confirmed) gets its own.
 * The index stays for the look-up, without uniqueness. (down fails if a day already holds two.)
 */
export class RelancePerDigest1795717618978 implements MigrationInterface {
  name = 'RelancePerDigest1795717618978';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."reminder_relance_employer_office_day_key"
        `);
    await queryRunner.query(`
            CREATE INDEX "reminder_relance_employer_office_day_idx" ON "reminder_relance" ("employer_id", "ofii_office", "prepared_on")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."reminder_relance_employer_office_day_idx"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reminder_relance_employer_office_day_key" ON "reminder_relance" USING btree ("employer_id", "ofii_office", "prepared_on")
        `);
  }
}
