import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder sweep's refusal branch also reads refusals by silence (implicit visa refusal, CRRV
 * rejection, card refusal): their announcements and appeal reminders last while the window they
 * opened runs, beyond the legal-deadline branch's 15 days ahead.
 */
export class ReminderImplicitRefusals1795715684806
  implements MigrationInterface
{
  name = 'ReminderImplicitRefusals1795715684806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."dossier_reminder_refusal_idx"
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_refused_idx" ON "dossier" ("state_changed_at")
            WHERE state IN (
                    'VISA_REFUSED',
                    'VISA_REFUSED_VERBAL',
                    'VISA_REFUSED_IMPLICIT',
                    'CRRV_REJECTED',
                    'CRRV_REJECTED_IMPLICIT',
                    'TA_REJECTED',
                    'PERMIT_REFUSED_IMPLICIT'
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."dossier_reminder_refused_idx"
        `);
    await queryRunner.query(`
            CREATE INDEX "dossier_reminder_refusal_idx" ON "dossier" USING btree ("state_changed_at")
            WHERE (
                    (state)::text = ANY (
                        (
                            ARRAY ['VISA_REFUSED'::character varying, 'VISA_REFUSED_VERBAL'::character varying, 'CRRV_REJECTED'::character varying, 'TA_REJECTED'::character varying]
                        )::text []
                    )
                )
        `);
  }
}
