import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Firm console: per-employer dossier counters kept by triggers (employer_dossier_stats), notes,
 * calendar feeds, and the dossier indexes the overview and the calendar read.
 *
 * The counters are kept by STATEMENT-level triggers with transition tables rather than by the
 * application: no writer (API, import, demo seed, a fix in psql) can forget them, they change in
 * the writer's transaction, and a bulk INSERT of a million rows costs one grouped upsert instead of
 * a million. Counts move by deltas (concurrency-safe: the upsert takes the row lock and adds); the
 * oldest transmission date is re-read after that lock, in a second statement with a fresh
 * snapshot, so two concurrent transitions of one employer cannot hide each other's change.
 * `employer_dossier_stats_rebuild()` recounts everything (backfill below, and the benchmark seed,
 * which loads with triggers off).
 */
export class FirmConsole1795713265857 implements MigrationInterface {
  name = 'FirmConsole1795713265857';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_feed" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "token_hash" character(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "scope" character varying(16) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                "last_fetched_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "calendar_feed_scope_known" CHECK (scope IN ('employer', 'assigned', 'all')),
                CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feed_token_key" ON "calendar_feed" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feed_live_user_key" ON "calendar_feed" ("user_id")
            WHERE revoked_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "employer_dossier_stats" (
                "employer_id" uuid NOT NULL,
                "dossiers" integer NOT NULL DEFAULT '0',
                "active" integer NOT NULL DEFAULT '0',
                "stage_preparation" integer NOT NULL DEFAULT '0',
                "stage_work_permit" integer NOT NULL DEFAULT '0',
                "stage_ofii" integer NOT NULL DEFAULT '0',
                "stage_visa" integer NOT NULL DEFAULT '0',
                "stage_appeals" integer NOT NULL DEFAULT '0',
                "stage_arrival" integer NOT NULL DEFAULT '0',
                "stage_residence" integer NOT NULL DEFAULT '0',
                "stage_return" integer NOT NULL DEFAULT '0',
                "stage_ended" integer NOT NULL DEFAULT '0',
                "awaiting_ofii" integer NOT NULL DEFAULT '0',
                "oldest_transmitted_on" date,
                "refusals_unappealed" integer NOT NULL DEFAULT '0',
                "last_activity_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "PK_e764fa6c8694e2889baca671297" PRIMARY KEY ("employer_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "note" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "employer_id" uuid NOT NULL,
                "dossier_id" uuid,
                "visibility" character varying(8) NOT NULL,
                "body" text NOT NULL,
                "author_user_id" uuid,
                "author_name" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "note_visibility_known" CHECK (visibility IN ('internal', 'shared')),
                CONSTRAINT "PK_96d0c172a4fba276b1bbed43058" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "note_employer_dossier_created_idx" ON "note" ("employer_id", "dossier_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "note_employer_created_idx" ON "note" ("employer_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_employer_appeal_window_idx" ON "dossier" ("employer_id", "legal_deadline_on")
            WHERE state IN (
                    'VISA_REFUSED',
                    'VISA_REFUSED_VERBAL',
                    'VISA_REFUSED_IMPLICIT',
                    'CRRV_REJECTED',
                    'CRRV_REJECTED_IMPLICIT'
                )
        `);
    // Written by hand (an expression): OFII appointments by date, for the cross-employer calendar.
    await queryRunner.query(`
            CREATE INDEX "dossier_ofii_appointment_idx" ON "dossier" ((recorded #>> '{OFII_CONVOKED,appointmentDate}'))
            WHERE state = 'OFII_CONVOKED'
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feed"
            ADD CONSTRAINT "calendar_feed_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "employer_dossier_stats"
            ADD CONSTRAINT "employer_dossier_stats_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "note"
            ADD CONSTRAINT "note_employer_fk" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "note"
            ADD CONSTRAINT "note_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "note"
            ADD CONSTRAINT "note_author_fk" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);

    // ------------------------------------------------------------ counters (by hand)
    // The stage of a state: DOSSIER_STAGE_OF_STATE of @moisson/domain (an integration test inserts
    // a dossier in every state and checks the counters against it).
    await queryRunner.query(`
            CREATE FUNCTION dossier_stage_of(state text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              SELECT CASE
                WHEN state IN ('DRAFT', 'OFFER_PUBLISHED') THEN 'preparation'
                WHEN state IN ('AT_SUBMITTED', 'AT_GRANTED', 'AT_REFUSED') THEN 'work_permit'
                WHEN state IN ('AWAITING_OFII', 'OFII_CONVOKED', 'MEDICAL_FIT', 'MEDICAL_UNFIT') THEN 'ofii'
                WHEN state IN ('VISA_FILED', 'VISA_ISSUED', 'VISA_REFUSED', 'VISA_REFUSED_VERBAL', 'VISA_REFUSED_IMPLICIT') THEN 'visa'
                WHEN state IN ('CRRV_FILED', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT', 'TA_FILED', 'TA_ANNULLED', 'TA_REJECTED') THEN 'appeals'
                WHEN state IN ('ARRIVED') THEN 'arrival'
                WHEN state IN ('PERMIT_APPLIED', 'PERMIT_GRANTED', 'PERMIT_REFUSED_IMPLICIT') THEN 'residence'
                WHEN state IN ('CONTRACT_ENDED', 'RETURNED') THEN 'return'
                WHEN state IN ('CLOSED', 'ABANDONED', 'WITHDRAWN') THEN 'ended'
              END
            $$
        `);
    // The per-row contributions as columns, shared by the trigger (with a sign) and the rebuild.
    const contributions = (sign: string) => `
                sum(${sign}) AS dossiers,
                sum(CASE WHEN state NOT IN ('CLOSED', 'ABANDONED', 'WITHDRAWN') THEN ${sign} ELSE 0 END) AS active,
                sum(CASE WHEN dossier_stage_of(state) = 'preparation' THEN ${sign} ELSE 0 END) AS stage_preparation,
                sum(CASE WHEN dossier_stage_of(state) = 'work_permit' THEN ${sign} ELSE 0 END) AS stage_work_permit,
                sum(CASE WHEN dossier_stage_of(state) = 'ofii' THEN ${sign} ELSE 0 END) AS stage_ofii,
                sum(CASE WHEN dossier_stage_of(state) = 'visa' THEN ${sign} ELSE 0 END) AS stage_visa,
                sum(CASE WHEN dossier_stage_of(state) = 'appeals' THEN ${sign} ELSE 0 END) AS stage_appeals,
                sum(CASE WHEN dossier_stage_of(state) = 'arrival' THEN ${sign} ELSE 0 END) AS stage_arrival,
                sum(CASE WHEN dossier_stage_of(state) = 'residence' THEN ${sign} ELSE 0 END) AS stage_residence,
                sum(CASE WHEN dossier_stage_of(state) = 'return' THEN ${sign} ELSE 0 END) AS stage_return,
                sum(CASE WHEN dossier_stage_of(state) = 'ended' THEN ${sign} ELSE 0 END) AS stage_ended,
                sum(CASE WHEN state = 'AWAITING_OFII' THEN ${sign} ELSE 0 END) AS awaiting_ofii,
                sum(CASE WHEN state IN ('VISA_REFUSED', 'VISA_REFUSED_VERBAL', 'VISA_REFUSED_IMPLICIT', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT') THEN ${sign} ELSE 0 END) AS refusals_unappealed`;
    const counted = `dossiers, active, stage_preparation, stage_work_permit, stage_ofii, stage_visa,
                stage_appeals, stage_arrival, stage_residence, stage_return, stage_ended, awaiting_ofii,
                refusals_unappealed`;
    const added = counted
      .split(',')
      .map((c) => c.trim())
      .map((c) => `${c} = s.${c} + EXCLUDED.${c}`)
      .join(', ');
    await queryRunner.query(`
            CREATE FUNCTION employer_dossier_stats_on_change() RETURNS trigger
            LANGUAGE plpgsql AS $fn$
            DECLARE
              source text;
            BEGIN
              source := CASE TG_OP
                WHEN 'INSERT' THEN
                  'SELECT employer_id, state, 1 AS sign, updated_at AS at FROM new_rows'
                WHEN 'UPDATE' THEN
                  'SELECT employer_id, state, 1 AS sign, updated_at AS at FROM new_rows
                   UNION ALL SELECT employer_id, state, -1, NULL FROM old_rows'
                ELSE
                  'SELECT employer_id, state, -1 AS sign, statement_timestamp() AS at FROM old_rows'
              END;
              EXECUTE format($q$
                INSERT INTO employer_dossier_stats AS s (employer_id, ${counted}, last_activity_at)
                SELECT employer_id, ${contributions('sign')}, max(at)
                FROM (%s) c
                GROUP BY employer_id
                ON CONFLICT (employer_id) DO UPDATE SET ${added},
                  last_activity_at = greatest(s.last_activity_at, EXCLUDED.last_activity_at)
              $q$, source);
              -- After the row locks above: a fresh snapshot sees every committed change.
              EXECUTE format($q$
                UPDATE employer_dossier_stats s
                SET oldest_transmitted_on = (
                  SELECT min(d.transmitted_on) FROM dossier d
                  WHERE d.employer_id = s.employer_id AND d.state = 'AWAITING_OFII')
                WHERE s.employer_id IN (SELECT employer_id FROM (%s) c WHERE c.state = 'AWAITING_OFII')
              $q$, source);
              RETURN NULL;
            END
            $fn$
        `);
    await queryRunner.query(`
            CREATE TRIGGER dossier_stats_after_insert AFTER INSERT ON dossier
            REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION employer_dossier_stats_on_change()
        `);
    await queryRunner.query(`
            CREATE TRIGGER dossier_stats_after_update AFTER UPDATE ON dossier
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION employer_dossier_stats_on_change()
        `);
    await queryRunner.query(`
            CREATE TRIGGER dossier_stats_after_delete AFTER DELETE ON dossier
            REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION employer_dossier_stats_on_change()
        `);
    await queryRunner.query(`
            CREATE FUNCTION employer_dossier_stats_on_truncate() RETURNS trigger
            LANGUAGE plpgsql AS $fn$
            BEGIN
              DELETE FROM employer_dossier_stats;
              RETURN NULL;
            END
            $fn$
        `);
    await queryRunner.query(`
            CREATE TRIGGER dossier_stats_after_truncate AFTER TRUNCATE ON dossier
            FOR EACH STATEMENT EXECUTE FUNCTION employer_dossier_stats_on_truncate()
        `);
    // Recount from the dossiers (blocks dossier writes until the caller's transaction ends).
    await queryRunner.query(`
            CREATE FUNCTION employer_dossier_stats_rebuild() RETURNS integer
            LANGUAGE plpgsql AS $fn$
            DECLARE
              n integer;
            BEGIN
              LOCK TABLE dossier IN SHARE MODE;
              DELETE FROM employer_dossier_stats;
              INSERT INTO employer_dossier_stats (employer_id, ${counted}, oldest_transmitted_on, last_activity_at)
              SELECT employer_id, ${contributions('1')},
                min(transmitted_on) FILTER (WHERE state = 'AWAITING_OFII'),
                max(updated_at)
              FROM dossier
              GROUP BY employer_id;
              GET DIAGNOSTICS n = ROW_COUNT;
              RETURN n;
            END
            $fn$
        `);
    await queryRunner.query(`SELECT employer_dossier_stats_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER dossier_stats_after_truncate ON dossier`,
    );
    await queryRunner.query(
      `DROP TRIGGER dossier_stats_after_delete ON dossier`,
    );
    await queryRunner.query(
      `DROP TRIGGER dossier_stats_after_update ON dossier`,
    );
    await queryRunner.query(
      `DROP TRIGGER dossier_stats_after_insert ON dossier`,
    );
    await queryRunner.query(`DROP FUNCTION employer_dossier_stats_rebuild()`);
    await queryRunner.query(
      `DROP FUNCTION employer_dossier_stats_on_truncate()`,
    );
    await queryRunner.query(`DROP FUNCTION employer_dossier_stats_on_change()`);
    await queryRunner.query(`DROP FUNCTION dossier_stage_of(text)`);
    await queryRunner.query(`
            ALTER TABLE "note" DROP CONSTRAINT "note_author_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "note" DROP CONSTRAINT "note_dossier_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "note" DROP CONSTRAINT "note_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "employer_dossier_stats" DROP CONSTRAINT "employer_dossier_stats_employer_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feed" DROP CONSTRAINT "calendar_feed_user_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_ofii_appointment_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dossier_employer_appeal_window_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."note_employer_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."note_employer_dossier_created_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "note"
        `);
    await queryRunner.query(`
            DROP TABLE "employer_dossier_stats"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."calendar_feed_live_user_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."calendar_feed_token_key"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_feed"
        `);
  }
}
