import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795705205452 implements MigrationInterface {
  name = 'Accounts1795705205452';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "action" character varying(64) NOT NULL,
                "actor_user_id" uuid,
                "actor_email" text,
                "employer_id" uuid,
                "target_type" character varying(32),
                "target_id" text,
                "ip" text,
                "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_event_action_at_idx" ON "audit_event" ("action", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_event_employer_at_idx" ON "audit_event" ("employer_id", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at")
        `);
    await queryRunner.query(`
            CREATE TABLE "employer" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "legal_name" text NOT NULL,
                "siret" character(14) NOT NULL,
                "address_line" text NOT NULL,
                "postal_code" character varying(10) NOT NULL,
                "city" text NOT NULL,
                "departement" character varying(3) NOT NULL,
                "sector" character varying(32) NOT NULL,
                "ofii_office" character varying(64),
                "consulate" character varying(64),
                "assigned_staff_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_74029e6b1f17a4c7c66d43cfd34" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "employer_siret_key" ON "employer" ("siret")
        `);
    await queryRunner.query(`
            CREATE INDEX "employer_assigned_staff_idx" ON "employer" ("assigned_staff_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "email" text NOT NULL,
                "full_name" text NOT NULL,
                "role" character varying(32) NOT NULL,
                "employer_id" uuid,
                "password_hash" text NOT NULL,
                "locale" character varying(2) NOT NULL DEFAULT 'fr',
                "totp_secret" text,
                "totp_enabled_at" TIMESTAMP WITH TIME ZONE,
                "totp_last_step" bigint,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "app_user_role_matches_employer" CHECK (
                    (role IN ('firm_admin', 'firm_staff')) = (employer_id IS NULL)
                ),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "app_user_employer_idx" ON "app_user" ("employer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "password_reset" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "token_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_8515e60a2cc41584fa4784f52ce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "password_reset_token_key" ON "password_reset" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "password_reset_user_idx" ON "password_reset" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "user_session" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "token_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "totp_passed" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "absolute_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "ip" text,
                "user_agent" text,
                CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "user_session_token_key" ON "user_session" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "user_session_user_idx" ON "user_session" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "invitation" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "token_hash" character(64) NOT NULL,
                "email" text NOT NULL,
                "role" character varying(32) NOT NULL,
                "employer_id" uuid,
                "locale" character varying(2) NOT NULL DEFAULT 'fr',
                "invited_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invitation_token_key" ON "invitation" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "invitation_employer_idx" ON "invitation" ("employer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "recovery_code" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "code_hash" character(64) NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "recovery_code_user_idx" ON "recovery_code" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "employer"
            ADD CONSTRAINT "employer_assigned_staff_fk" FOREIGN KEY ("assigned_staff_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "app_user_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "password_reset"
            ADD CONSTRAINT "password_reset_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_session"
            ADD CONSTRAINT "user_session_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitation"
            ADD CONSTRAINT "invitation_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "recovery_code"
            ADD CONSTRAINT "recovery_code_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // The audit log is append-only: refuse UPDATE and DELETE at the database level too.
    await queryRunner.query(`
            CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
            END;
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER audit_event_no_change ON "audit_event"`,
    );
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "recovery_code" DROP CONSTRAINT "recovery_code_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitation" DROP CONSTRAINT "invitation_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_session" DROP CONSTRAINT "user_session_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "password_reset" DROP CONSTRAINT "password_reset_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "app_user_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "employer" DROP CONSTRAINT "employer_assigned_staff_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."recovery_code_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "recovery_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."invitation_employer_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."invitation_token_key"
        `);
    await queryRunner.query(`
            DROP TABLE "invitation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."user_session_user_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."user_session_token_key"
        `);
    await queryRunner.query(`
            DROP TABLE "user_session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."password_reset_user_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."password_reset_token_key"
        `);
    await queryRunner.query(`
            DROP TABLE "password_reset"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."app_user_employer_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."app_user_email_key"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."employer_assigned_staff_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."employer_siret_key"
        `);
    await queryRunner.query(`
            DROP TABLE "employer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_event_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_event_employer_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_event_action_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
  }
}
