import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795712501359 implements MigrationInterface {
  name = 'Reminders1795712501359';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "reminder_outbox" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "reminder_key" text NOT NULL,
                "recipient" text NOT NULL,
                "locale" character varying(2) NOT NULL,
                "kind" character varying(32) NOT NULL,
                "audience" character varying(8) NOT NULL,
                "step" character varying(32) NOT NULL,
                "due_date" date NOT NULL,
                "urgent" boolean NOT NULL,
                "details" jsonb NOT NULL DEFAULT '{}',
                "employer_id" uuid NOT NULL,
                "dossier_id" uuid NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'pending',
                "send_after" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "lease_until" TIMESTAMP(3) WITH TIME ZONE,
                "leased_by" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "sent_at" TIMESTAMP(3) WITH TIME ZONE,
                "message_id" text,
                "resend_count" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "reminder_outbox_audience_known" CHECK (audience IN ('employer', 'firm')),
                CONSTRAINT "reminder_outbox_status_known" CHECK (
                    status IN ('pending', 'sending', 'sent', 'failed')
                ),
                CONSTRAINT "PK_b24c9a1ae35d3e0929226abf672" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "reminder_outbox_unsent_idx" ON "reminder_outbox" ("recipient", "send_after")
            WHERE status IN ('pending', 'sending')
        `);
    await queryRunner.query(`
            CREATE INDEX "reminder_outbox_status_created_idx" ON "reminder_outbox" ("status", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "reminder_outbox_created_idx" ON "reminder_outbox" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "reminder_outbox_recipient_created_idx" ON "reminder_outbox" ("recipient", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "reminder_outbox_employer_dossier_idx" ON "reminder_outbox" ("employer_id", "dossier_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reminder_outbox_key_recipient_key" ON "reminder_outbox" ("reminder_key", "recipient")
        `);
    await queryRunner.query(`
            CREATE TABLE "reminder_relance" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "employer_id" uuid NOT NULL,
                "ofii_office" character varying(64) NOT NULL,
                "prepared_on" date NOT NULL,
                "dossier_ids" uuid array NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ef7732dd12eb004b8eef9fee185" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reminder_relance_employer_office_day_key" ON "reminder_relance" ("employer_id", "ofii_office", "prepared_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "reminder_settings" (
                "employer_id" uuid NOT NULL,
                "convocation_overdue_days" integer NOT NULL,
                "convocation_repeat_days" integer NOT NULL,
                "language" character varying(2) NOT NULL,
                "extra_recipients" text array NOT NULL DEFAULT '{}',
                "updated_by" uuid,
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d61e31038b6bcc1a5967c721525" PRIMARY KEY ("employer_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "worker_passport_expiry_idx" ON "worker" ("passport_expiry")
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_permit_idx" ON "dossier" ("permit_valid_until")
            WHERE permit_valid_until IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_refusal_idx" ON "dossier" ("state_changed_at")
            WHERE state IN (
                    'VISA_REFUSED',
                    'VISA_REFUSED_VERBAL',
                    'CRRV_REJECTED',
                    'TA_REJECTED'
                )
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_deadline_idx" ON "dossier" ("legal_deadline_on")
            WHERE legal_deadline_on IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_start_idx" ON "dossier" ("planned_start")
            WHERE state IN (
                    'DRAFT',
                    'OFFER_PUBLISHED',
                    'AT_SUBMITTED',
                    'AT_GRANTED',
                    'AT_REFUSED',
                    'AWAITING_OFII'
                )
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_awaiting_idx" ON "dossier" ("transmitted_on")
            WHERE state = 'AWAITING_OFII'
        `);
    // Written by hand (TypeORM cannot express them; the entity declares them synchronize: false):
    // the reminder sweep selects by dates kept in \`recorded\`. ISO dates compare as text.
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_entry_idx" ON "dossier" ((recorded #>> '{ARRIVED,entryDate}'))
            WHERE state IN ('ARRIVED', 'PERMIT_APPLIED', 'PERMIT_GRANTED', 'PERMIT_REFUSED_IMPLICIT')
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_visa_idx" ON "dossier" ((recorded #>> '{VISA_ISSUED,validTo}'))
            WHERE state IN ('VISA_ISSUED', 'ARRIVED', 'PERMIT_APPLIED')
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_card_idx" ON "dossier" ((recorded #>> '{PERMIT_GRANTED,validUntil}'))
            WHERE state IN ('PERMIT_GRANTED', 'CONTRACT_ENDED', 'RETURNED')
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_outbox"
            ADD CONSTRAINT "reminder_outbox_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_outbox"
            ADD CONSTRAINT "reminder_outbox_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_relance"
            ADD CONSTRAINT "reminder_relance_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_settings"
            ADD CONSTRAINT "reminder_settings_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reminder_settings" DROP CONSTRAINT "reminder_settings_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_relance" DROP CONSTRAINT "reminder_relance_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_outbox" DROP CONSTRAINT "reminder_outbox_dossier_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_outbox" DROP CONSTRAINT "reminder_outbox_employer_fk"
        `);
    await queryRunner.query(`DROP INDEX "public"."dossier_reminder_card_idx"`);
    await queryRunner.query(`DROP INDEX "public"."dossier_reminder_visa_idx"`);
    await queryRunner.query(`DROP INDEX "public"."dossier_reminder_entry_idx"`);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_reminder_awaiting_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_reminder_start_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_reminder_deadline_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_reminder_refusal_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_reminder_permit_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."worker_passport_expiry_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_relance_employer_office_day_key"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_relance"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_outbox_key_recipient_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_outbox_employer_dossier_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_outbox_recipient_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_outbox_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_outbox_status_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reminder_outbox_unsent_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_outbox"
        `);
  }
}
