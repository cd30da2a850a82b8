import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1795713185756 implements MigrationInterface {
  name = 'Documents1795713185756';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "document" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "employer_id" uuid NOT NULL,
                "worker_id" uuid NOT NULL,
                "dossier_id" uuid,
                "type" character varying(32) NOT NULL,
                "reference" text,
                "valid_from" date,
                "valid_until" date,
                "storage_key" text NOT NULL,
                "size" integer NOT NULL,
                "sha256" character varying(64) NOT NULL,
                "content_type" character varying(32) NOT NULL,
                "display_name" text NOT NULL,
                "duplicate_of" uuid,
                "uploaded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "uploaded_by" uuid,
                "uploaded_by_name" text,
                "deleted_at" TIMESTAMP(3) WITH TIME ZONE,
                "deleted_by" uuid,
                "deleted_by_name" text,
                CONSTRAINT "document_sha256_hex" CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                CONSTRAINT "document_size_positive" CHECK (size > 0),
                CONSTRAINT "document_validity_order" CHECK (valid_until >= valid_from),
                CONSTRAINT "document_content_type_known" CHECK (
                    content_type IN ('application/pdf', 'image/jpeg', 'image/png')
                ),
                CONSTRAINT "document_type_known" CHECK (
                    type IN (
                        'work_permit',
                        'passport',
                        'employment_contract',
                        'ofii_convocation',
                        'medical_certificate',
                        'visa',
                        'refusal_decision',
                        'crrv_appeal',
                        'crrv_decision',
                        'judgment',
                        'accommodation',
                        'dpae',
                        'residence_card',
                        'other'
                    )
                ),
                CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "document_expiry_idx" ON "document" ("valid_until")
            WHERE valid_until IS NOT NULL
                AND deleted_at IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "document_worker_original_key" ON "document" ("employer_id", "worker_id", "sha256")
            WHERE dossier_id IS NULL
                AND deleted_at IS NULL
                AND duplicate_of IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "document_dossier_original_key" ON "document" ("employer_id", "dossier_id", "sha256")
            WHERE dossier_id IS NOT NULL
                AND deleted_at IS NULL
                AND duplicate_of IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "document_employer_worker_idx" ON "document" ("employer_id", "worker_id", "uploaded_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "document_employer_dossier_idx" ON "document" ("employer_id", "dossier_id", "uploaded_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "document"
            ADD CONSTRAINT "document_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document"
            ADD CONSTRAINT "document_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document"
            ADD CONSTRAINT "document_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document"
            ADD CONSTRAINT "document_duplicate_of_fk" FOREIGN KEY ("duplicate_of") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "document" DROP CONSTRAINT "document_duplicate_of_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "document" DROP CONSTRAINT "document_dossier_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "document" DROP CONSTRAINT "document_worker_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "document" DROP CONSTRAINT "document_employer_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."document_employer_dossier_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."document_employer_worker_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."document_dossier_original_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."document_worker_original_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."document_expiry_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "document"
        `);
  }
}
