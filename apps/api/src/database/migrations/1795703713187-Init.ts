import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795703713187 implements MigrationInterface {
  name = 'Init1795703713187';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "worker_probe" (
                "id" uuid NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "processed_at" TIMESTAMP WITH TIME ZONE,
                "processed_by" text,
                CONSTRAINT "PK_c0b2e61441f2131e53b7e5d8933" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "worker_probe"
        `);
  }
}
