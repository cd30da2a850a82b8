import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  RelanceView,
  RelanceWorkerView,
} from '@moisson/contract';
import {
  addDays,
  CalendarDate,
  composeOfiiFollowUp,
  daysBetween,
  OfiiFollowUp,
} from '@moisson/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { ApiException } from '../../core/http/api-exception';
import {
  DossierActor,
  writeRelance,
} from '../dossiers/dossier-timeline.writer';
import { maskPassportNumber } from '../workers/passport-number';
import { ReminderRelanceEntity } from './entities/reminder-relance.entity';
import { relanceIdOf, relanceToken } from './relance-link';

/** A relance link works this long after its digest was prepared. */
export const RELANCE_LINK_DAYS = 30;

/** A follow-up ready for a digest: its text, its link, how many workers it lists. */
export interface PreparedRelance {
  relanceId: string;
  office: { code: string; label: string };
  followUp: OfiiFollowUp;
  url: string;
  workers: number;
  /** The dossiers it lists. */
  dossierIds: string[];
}

interface WaitingWorkerRow {
  dossier_id: string;
  surname: string;
  given_names: string;
  passport_number: string;
  permit_number: string | null;
  permit_granted_on: string | null;
  permit_valid_until: string | null;
  transmitted_on: string | null;
  state: string;
}

/** 'casablanca' -> { code, label: 'OFII Casablanca' } */
export function officeOf(code: string): { code: string; label: string } {
  const name = code
    .split(/[-_ ]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('-');
  return { code, label: `OFII ${name}` };
}

/**
 * The OFII follow-up ("relance") of one employer at one office, as a digest sends it: it lists the
 * employer's dossiers waiting there at send time. The recipients and retries of one digest share one
 * row (same text and link); a later digest reuses it only while it is unconfirmed and lists exactly
 * the same dossiers, otherwise it prepares a new one. Viewed and confirmed through its signed link;
 * confirming records "relance envoyée" on each listed dossier's timeline, once.
 */
@Injectable()
export class RelanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * The employer's dossiers waiting at `office` for `overdueDays` or more on `preparedOn`, and those
   * of `overdue` still waiting (the digest's own overdue-convocation dossiers: listed even if the
   * threshold was raised or the office edited since the sweep), as a follow-up with its link;
   * undefined when none waits. Errors propagate: the caller must not send the digest without it.
   */
  async prepare(
    employerId: string,
    officeCode: string,
    preparedOn: CalendarDate,
    overdueDays: number,
    now: Date,
    overdue: readonly string[] = [],
  ): Promise<PreparedRelance | undefined> {
    const relance = await this.dataSource.transaction(async (manager) => {
      // One preparation at a time per employer and office: the digests of its recipients, sent by
      // parallel jobs, find the row the first one wrote instead of each writing its own.
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('reminder_relance'), hashtext($1::text || '|' || $2::text))`,
        [employerId, officeCode],
      );
      const waiting: Array<{ id: string }> = await manager.query(
        `SELECT id FROM dossier
          WHERE employer_id = $1 AND state = 'AWAITING_OFII'
            AND ((ofii_office = $2 AND transmitted_on <= $3::date) OR id = ANY($4::uuid[]))
          ORDER BY transmitted_on, id`,
        [employerId, officeCode, addDays(preparedOn, -overdueDays), overdue],
      );
      if (waiting.length === 0) return undefined;
      const ids = waiting.map((w) => w.id);
      // Same set: each array contains the other (ids are unique).
      const [same] = await manager.query(
        `SELECT id FROM reminder_relance
          WHERE employer_id = $1 AND ofii_office = $2 AND prepared_on = $3
            AND confirmed_at IS NULL AND dossier_ids @> $4::uuid[] AND dossier_ids <@ $4::uuid[]
          ORDER BY created_at, id LIMIT 1`,
        [employerId, officeCode, preparedOn, ids],
      );
      if (same) return manager.findOneByOrFail(ReminderRelanceEntity, same);
      return manager.save(
        manager.create(ReminderRelanceEntity, {
          employerId,
          ofiiOffice: officeCode,
          preparedOn,
          dossierIds: ids,
          expiresAt: new Date(now.getTime() + RELANCE_LINK_DAYS * 86_400_000),
          confirmedAt: null,
        }),
      );
    });
    if (!relance) return undefined;
    const view = await this.viewOf(relance, true);
    return {
      relanceId: relance.id,
      office: view.ofiiOffice,
      followUp: { subject: view.subject, body: view.body },
      url: this.urlOf(relance.id),
      workers: view.workers.length,
      dossierIds: view.workers.map((w) => w.dossierId),
    };
  }

  urlOf(relanceId: string): string {
    return `${this.config.PUBLIC_URL}/relance/${relanceToken(relanceId, this.config.APP_SECRET)}`;
  }

  /** GET /api/relance/:token: what confirming records; changes nothing. */
  async view(token: string, now: Date): Promise<RelanceView> {
    return this.viewOf(await this.byToken(token, now));
  }

  /** POST /api/relance/:token: "relance envoyée" on each listed dossier, the first time only. */
  async confirm(
    token: string,
    actor: DossierActor,
    now: Date,
  ): Promise<RelanceView> {
    const relance = await this.byToken(token, now);
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE reminder_relance SET confirmed_at = $2
          WHERE id = $1 AND confirmed_at IS NULL RETURNING id`,
        [relance.id, now],
      )) as [unknown[], number];
      if (rows.length === 0) return; // confirmed before: nothing more to record
      await this.recordOnTimelines(manager, relance, actor, now);
    });
    return this.viewOf(await this.byId(relance.id));
  }

  private async recordOnTimelines(
    manager: EntityManager,
    relance: ReminderRelanceEntity,
    actor: DossierActor,
    now: Date,
  ): Promise<void> {
    // Only dossiers still of this employer (ids were taken from its rows; this re-checks them).
    const dossiers: Array<{ id: string }> = await manager.query(
      `SELECT id FROM dossier WHERE employer_id = $1 AND id = ANY($2::uuid[]) ORDER BY id`,
      [relance.employerId, relance.dossierIds],
    );
    const data = {
      ofiiOffice: relance.ofiiOffice,
      preparedOn: relance.preparedOn,
      relanceId: relance.id,
      workers: dossiers.length,
    };
    for (const dossier of dossiers)
      await writeRelance(
        manager,
        { id: dossier.id, employerId: relance.employerId },
        data,
        actor,
        now,
      );
  }

  /**
   * `withPassports`: the e-mailed follow-up carries the full passport numbers OFII needs; the public
   * page of the link leaves them out (and masks them in its list).
   */
  private async viewOf(
    relance: ReminderRelanceEntity,
    withPassports = false,
  ): Promise<RelanceView> {
    const [employer] = (await this.dataSource.query(
      `SELECT e.legal_name, e.siret, u.full_name, u.email
         FROM employer e
         LEFT JOIN LATERAL (
           SELECT full_name, email FROM app_user
            WHERE employer_id = e.id AND disabled_at IS NULL
            ORDER BY (role = 'employer_owner') DESC, created_at LIMIT 1) u ON true
        WHERE e.id = $1`,
      [relance.employerId],
    )) as Array<{
      legal_name: string;
      siret: string;
      full_name: string | null;
      email: string | null;
    }>;
    const rows: WaitingWorkerRow[] = await this.dataSource.query(
      `SELECT d.id AS dossier_id, w.surname, w.given_names, w.passport_number, d.permit_number,
              to_char(d.permit_granted_on, 'YYYY-MM-DD') AS permit_granted_on,
              to_char(d.permit_valid_until, 'YYYY-MM-DD') AS permit_valid_until,
              to_char(d.transmitted_on, 'YYYY-MM-DD') AS transmitted_on, d.state
         FROM dossier d JOIN worker w ON w.id = d.worker_id
        WHERE d.employer_id = $1 AND d.id = ANY($2::uuid[])
        ORDER BY d.transmitted_on, d.id`,
      [relance.employerId, relance.dossierIds],
    );
    const today = relance.preparedOn as CalendarDate;
    const waited = (row: WaitingWorkerRow) =>
      row.transmitted_on
        ? daysBetween(row.transmitted_on as CalendarDate, today)
        : null;
    const office = officeOf(relance.ofiiOffice);
    const followUp = composeOfiiFollowUp({
      employer: {
        legalName: employer.legal_name,
        siret: employer.siret,
        contactName: employer.full_name ?? employer.legal_name,
        contactEmail: employer.email ?? '',
      },
      office,
      workers: rows.map((row) => ({
        surname: row.surname,
        givenNames: row.given_names,
        ...(withPassports ? { passportNumber: row.passport_number } : {}),
        permitNumber: row.permit_number ?? '',
        permitGrantedOn: (row.permit_granted_on ?? today) as CalendarDate,
        ...(row.permit_valid_until
          ? { permitValidUntil: row.permit_valid_until as CalendarDate }
          : {}),
        transmittedOn: (row.transmitted_on ?? today) as CalendarDate,
        daysWaited: waited(row) ?? 0,
      })),
      today,
    });
    return {
      employer: { legalName: employer.legal_name },
      ofiiOffice: office,
      preparedOn: relance.preparedOn,
      workers: rows.map(
        (row): RelanceWorkerView => ({
          dossierId: row.dossier_id,
          workerName: `${row.surname} ${row.given_names}`,
          passportNumberMasked: maskPassportNumber(row.passport_number),
          permitNumber: row.permit_number,
          transmittedOn: row.transmitted_on,
          daysWaited: waited(row),
        }),
      ),
      subject: followUp.subject,
      body: followUp.body,
      confirmedAt: relance.confirmedAt?.toISOString() ?? null,
      expiresAt: relance.expiresAt.toISOString(),
    };
  }

  private async byToken(
    token: string,
    now: Date,
  ): Promise<ReminderRelanceEntity> {
    const id = relanceIdOf(token, this.config.APP_SECRET);
    const relance = id ? await this.byId(id) : undefined;
    if (!relance || relance.expiresAt.getTime() <= now.getTime())
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: 'Ce lien de relance est inconnu ou a expiré (il vaut 30 jours) : utilisez celui du dernier e-mail de rappel.',
        en: 'This follow-up link is unknown or has expired (it lasts 30 days): use the one in the latest reminder e-mail.',
      });
    return relance;
  }

  private async byId(id: string): Promise<ReminderRelanceEntity> {
    const [relance] = await this.dataSource.manager.find(
      ReminderRelanceEntity,
      {
        where: { id },
      },
    );
    return relance;
  }
}
