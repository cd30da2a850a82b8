import { MigrationInterface, QueryRunner } from 'typeorm';

export class Dossiers1795706473206 implements MigrationInterface {
  name = 'Dossiers1795706473206';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "campaign" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "employer_id" uuid NOT NULL,
                "name" text NOT NULL,
                "season" integer NOT NULL,
                "notes" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "campaign_employer_season_idx" ON "campaign" ("employer_id", "season")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "campaign_employer_name_key" ON "campaign" ("employer_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "worker" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "employer_id" uuid NOT NULL,
                "surname" text NOT NULL,
                "given_names" text NOT NULL,
                "birth_date" date NOT NULL,
                "nationality" character(2) NOT NULL,
                "passport_number" character varying(20) NOT NULL,
                "passport_expiry" date NOT NULL,
                "phone" character varying(32),
                "email" text,
                "preferred_language" character varying(2) NOT NULL DEFAULT 'fr',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "worker_preferred_language_known" CHECK (preferred_language IN ('fr', 'en', 'ar')),
                CONSTRAINT "worker_passport_number_format" CHECK (passport_number ~ '^[A-Z0-9]+$'),
                CONSTRAINT "worker_nationality_format" CHECK (nationality ~ '^[A-Z]{2}$'),
                CONSTRAINT "PK_dc8175fa0e34ce7a39e4ec73b94" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "worker_employer_name_idx" ON "worker" ("employer_id", "surname", "given_names", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "worker_employer_passport_key" ON "worker" ("employer_id", "passport_number")
        `);
    await queryRunner.query(`
            CREATE TABLE "dossier" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "employer_id" uuid NOT NULL,
                "worker_id" uuid NOT NULL,
                "campaign_id" uuid,
                "season" integer NOT NULL,
                "job_title" text NOT NULL,
                "contract_type" character varying(16) NOT NULL,
                "shortage_occupation" boolean NOT NULL DEFAULT true,
                "planned_start" date NOT NULL,
                "planned_end" date NOT NULL,
                "permit_number" text,
                "permit_granted_on" date,
                "permit_valid_until" date,
                "ofii_office" character varying(64),
                "consulate" character varying(64),
                "state" character varying(32) NOT NULL DEFAULT 'DRAFT',
                "state_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "recorded" jsonb NOT NULL DEFAULT '{}',
                "last_step_on" date,
                "transmitted_on" date,
                "legal_deadline_kind" character varying(32),
                "legal_deadline_on" date,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "dossier_contract_type_known" CHECK (
                    contract_type IN ('seasonal', 'fixed_term', 'open_ended')
                ),
                CONSTRAINT "dossier_state_known" CHECK (
                    state IN (
                        'DRAFT',
                        'OFFER_PUBLISHED',
                        'AT_SUBMITTED',
                        'AT_GRANTED',
                        'AT_REFUSED',
                        'AWAITING_OFII',
                        'OFII_CONVOKED',
                        'MEDICAL_FIT',
                        'MEDICAL_UNFIT',
                        'VISA_FILED',
                        'VISA_ISSUED',
                        'VISA_REFUSED',
                        'VISA_REFUSED_VERBAL',
                        'VISA_REFUSED_IMPLICIT',
                        'CRRV_FILED',
                        'CRRV_REJECTED',
                        'CRRV_REJECTED_IMPLICIT',
                        'TA_FILED',
                        'TA_ANNULLED',
                        'TA_REJECTED',
                        'ARRIVED',
                        'PERMIT_APPLIED',
                        'PERMIT_GRANTED',
                        'PERMIT_REFUSED_IMPLICIT',
                        'CONTRACT_ENDED',
                        'RETURNED',
                        'CLOSED',
                        'ABANDONED',
                        'WITHDRAWN'
                    )
                ),
                CONSTRAINT "dossier_planned_dates_order" CHECK (planned_end >= planned_start),
                CONSTRAINT "PK_62a60ad7157c2922b57c3319364" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_ofii_office_idx" ON "dossier" ("employer_id", "ofii_office")
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_legal_deadline_idx" ON "dossier" ("employer_id", "legal_deadline_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_updated_idx" ON "dossier" ("employer_id", "updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_planned_start_idx" ON "dossier" ("employer_id", "planned_start", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_campaign_idx" ON "dossier" ("employer_id", "campaign_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_state_idx" ON "dossier" ("employer_id", "state", "transmitted_on")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "dossier_employer_worker_season_key" ON "dossier" ("employer_id", "worker_id", "season")
        `);
    await queryRunner.query(`
            CREATE TABLE "dossier_event" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "employer_id" uuid NOT NULL,
                "dossier_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_name" text,
                "kind" character varying(16) NOT NULL,
                "from_state" character varying(32),
                "to_state" character varying(32),
                "data" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "dossier_event_kind_known" CHECK (
                    kind IN ('transition', 'edit', 'note', 'relance')
                ),
                CONSTRAINT "PK_f4ab337d10ca917f214b79530c1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_event_employer_dossier_at_idx" ON "dossier_event" ("employer_id", "dossier_id", "at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "campaign"
            ADD CONSTRAINT "campaign_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "worker"
            ADD CONSTRAINT "worker_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier"
            ADD CONSTRAINT "dossier_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier"
            ADD CONSTRAINT "dossier_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier"
            ADD CONSTRAINT "dossier_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_event"
            ADD CONSTRAINT "dossier_event_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_event"
            ADD CONSTRAINT "dossier_event_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // A dossier's timeline is immutable: refuse UPDATE and DELETE at the database level too.
    await queryRunner.query(`
            CREATE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'dossier_event is append-only: % is not allowed', TG_OP;
            END;
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER dossier_event_no_change BEFORE UPDATE OR DELETE ON "dossier_event"
            FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER dossier_event_no_change ON "dossier_event"`,
    );
    await queryRunner.query(`DROP FUNCTION dossier_event_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "dossier_event" DROP CONSTRAINT "dossier_event_dossier_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_event" DROP CONSTRAINT "dossier_event_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier" DROP CONSTRAINT "dossier_campaign_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier" DROP CONSTRAINT "dossier_worker_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier" DROP CONSTRAINT "dossier_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "worker" DROP CONSTRAINT "worker_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "campaign" DROP CONSTRAINT "campaign_employer_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_event_employer_dossier_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_worker_season_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_state_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_campaign_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_planned_start_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_updated_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_legal_deadline_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_ofii_office_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."worker_employer_passport_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."worker_employer_name_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "worker"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."campaign_employer_name_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."campaign_employer_season_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "campaign"
        `);
  }
}
