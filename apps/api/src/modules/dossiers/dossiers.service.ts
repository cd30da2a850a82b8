import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  CreateDossierRequest,
  DossierDetail,
  RehireRequest,
  UpdateDossierRequest,
} from '@moisson/contract';
import { addMonths } from '@moisson/domain';
import { DataSource, Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { queryPrepared } from '../../core/database/sql-params';
import { ApiException } from '../../core/http/api-exception';
import { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignEntity } from '../campaigns/entities/campaign.entity';
import type { EmployerEntity } from '../employers/entities/employer.entity';
import { WorkersService } from '../workers/workers.service';
import { bodyReference } from './common/body-reference';
import { todayInParis } from './common/paris-today';
import { isUniqueViolation } from './common/unique-violation';
import { actorOf } from './dossier-actor';
import { assertCampaignSeason, assertPlanning } from './dossier-planning.rules';
import { DossierWithWorker, toDossierDetail } from './dossier.mapper';
import {
  DOSSIER_DETAIL_COLUMNS,
  DOSSIER_FROM,
  dossierDetailViewOf,
} from './dossier-view';
import { convocationOverdueDaysSql } from '../reminders/convocation-overdue-days.sql';
import { writeCreation, writeEdit } from './dossier-timeline.writer';
import { DossierEntity } from './entities/dossier.entity';
import { normaliseOptionalOfficeCode } from './office-code';

const SEASON_KEY = 'dossier_employer_worker_season_key';

/** By primary key and employer: planned once per pooled connection (queryPrepared). */
const DOSSIER_DETAIL_SQL = `SELECT ${DOSSIER_DETAIL_COLUMNS},
    ${convocationOverdueDaysSql('$2')} AS "overdueDays"
  FROM ${DOSSIER_FROM}
  WHERE d.id = $1 AND d.employer_id = $2`;

/** Fields a PATCH may change; procedure data (permit, dates of steps) changes through transitions. */
const EDITABLE = [
  'campaignId',
  'jobTitle',
  'contractType',
  'shortageOccupation',
  'plannedStart',
  'plannedEnd',
  'ofiiOffice',
  'consulate',
] as const satisfies ReadonlyArray<
  keyof UpdateDossierRequest & keyof DossierEntity
>;

/** Creating, reading, correcting and re-hiring dossiers. State changes: DossierTransitionsService. */
@Injectable()
export class DossiersService {
  constructor(
    @InjectRepository(DossierEntity)
    private readonly dossiers: Repository<DossierEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workers: WorkersService,
    private readonly campaigns: CampaignsService,
  ) {}

  /**
   * Dossier, worker (full passport number: the read is audited), timeline and computed deadlines:
   * one SELECT (the timeline aggregated in it, see dossier-view.ts), then the audit INSERT.
   */
  async detail(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    dossierId: string,
  ): Promise<DossierDetail> {
    const [row] = await queryPrepared(
      this.dataSource,
      'dossier_detail',
      DOSSIER_DETAIL_SQL,
      [dossierId, employerId],
    );
    if (!row) throw dossierNotFound(dossierId);
    const dossier = dossierDetailViewOf(row);
    await this.workers.recordPassportRead(
      auth,
      meta,
      dossier.worker,
      'dossier.detail',
    );
    return toDossierDetail(dossier, todayInParis());
  }

  async create(
    auth: AuthContext,
    meta: RequestMeta,
    employer: EmployerEntity,
    input: CreateDossierRequest,
  ): Promise<DossierDetail> {
    const worker = await bodyReference('workerId', 'worker', () =>
      this.workers.findOwned(employer.id, input.workerId),
    );
    const campaign = await this.campaignOf(employer.id, input.campaignId);
    const season =
      input.season ??
      campaign?.season ??
      Number(input.plannedStart.slice(0, 4));
    if (campaign) assertCampaignSeason(campaign, season);
    assertPlanning(input);
    const id = await this.insert(auth, {
      employerId: employer.id,
      workerId: worker.id,
      campaignId: campaign?.id ?? null,
      season,
      jobTitle: input.jobTitle,
      contractType: input.contractType,
      shortageOccupation: input.shortageOccupation ?? true,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
      ofiiOffice: normaliseOptionalOfficeCode(
        input.ofiiOffice === undefined ? employer.ofiiOffice : input.ofiiOffice,
      ),
      consulate: normaliseOptionalOfficeCode(
        input.consulate === undefined ? employer.consulate : input.consulate,
      ),
    });
    return this.detail(auth, meta, employer.id, id);
  }

  /** Corrects planning fields; each change is written to the timeline as an "edit" event. */
  async update(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    dossierId: string,
    input: UpdateDossierRequest,
  ): Promise<DossierDetail> {
    const dossier = await this.findWithWorker(employerId, dossierId);
    if (input.campaignId) {
      const campaign = await this.campaignOf(employerId, input.campaignId);
      if (campaign) assertCampaignSeason(campaign, dossier.season);
    }
    const next: Pick<DossierEntity, (typeof EDITABLE)[number]> = {
      campaignId: dossier.campaignId,
      jobTitle: dossier.jobTitle,
      contractType: dossier.contractType,
      shortageOccupation: dossier.shortageOccupation,
      plannedStart: dossier.plannedStart,
      plannedEnd: dossier.plannedEnd,
      ofiiOffice: dossier.ofiiOffice,
      consulate: dossier.consulate,
    };
    if (input.campaignId !== undefined) next.campaignId = input.campaignId;
    if (input.jobTitle !== undefined) next.jobTitle = input.jobTitle;
    if (input.contractType !== undefined)
      next.contractType = input.contractType;
    if (input.shortageOccupation !== undefined)
      next.shortageOccupation = input.shortageOccupation;
    if (input.plannedStart !== undefined)
      next.plannedStart = input.plannedStart;
    if (input.plannedEnd !== undefined) next.plannedEnd = input.plannedEnd;
    if (input.ofiiOffice !== undefined)
      next.ofiiOffice = normaliseOptionalOfficeCode(input.ofiiOffice);
    if (input.consulate !== undefined)
      next.consulate = normaliseOptionalOfficeCode(input.consulate);
    assertPlanning(next);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of EDITABLE) {
      if (next[field] !== dossier[field])
        changes[field] = { from: dossier[field], to: next[field] };
    }
    if (Object.keys(changes).length > 0) {
      await this.dataSource.transaction(async (m) => {
        await m.update(DossierEntity, { id: dossier.id, employerId }, next);
        await writeEdit(m, dossier, changes, actorOf(auth));
      });
    }
    return this.detail(auth, meta, employerId, dossier.id);
  }

  /**
   * Next season's dossier for the same worker, from their latest one: season + 1, DRAFT, the same
   * job, contract and offices, dates a year later unless given.
   */
  async rehire(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    dossierId: string,
    input: RehireRequest,
  ): Promise<DossierDetail> {
    const previous = await this.findWithWorker(employerId, dossierId);
    const latest = await this.dossiers.findOne({
      where: { employerId, workerId: previous.workerId },
      order: { season: 'DESC' },
    });
    if (latest && latest.id !== previous.id) {
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: `Ce salarié a déjà un dossier pour la saison ${latest.season} : réembauchez-le à partir de celui-ci (identifiant ${latest.id}).`,
        en: `This worker already has a dossier for season ${latest.season}: re-hire from that one (id ${latest.id}).`,
      });
    }
    const season = previous.season + 1;
    const campaign = await this.campaignOf(employerId, input.campaignId);
    if (campaign) assertCampaignSeason(campaign, season);
    const plannedStart =
      input.plannedStart ?? addMonths(previous.plannedStart, 12);
    const plannedEnd = input.plannedEnd ?? addMonths(previous.plannedEnd, 12);
    const planning = {
      contractType: previous.contractType,
      plannedStart,
      plannedEnd,
    };
    assertPlanning(planning);
    const id = await this.insert(
      auth,
      {
        employerId,
        workerId: previous.workerId,
        campaignId: campaign?.id ?? null,
        season,
        jobTitle: previous.jobTitle,
        shortageOccupation: previous.shortageOccupation,
        ofiiOffice: previous.ofiiOffice,
        consulate: previous.consulate,
        ...planning,
      },
      { rehiredFrom: previous.id, previousSeason: previous.season },
    );
    return this.detail(auth, meta, employerId, id);
  }

  /** The dossier of this employer with its worker and campaign, or 404. */
  async findWithWorker(
    employerId: string,
    dossierId: string,
  ): Promise<DossierWithWorker> {
    // find by primary key (one query; findOne with relations sends two).
    const [dossier] = await this.dossiers.find({
      where: { id: dossierId, employerId },
      relations: { worker: true, campaign: true },
    });
    if (!dossier || !dossier.worker) throw dossierNotFound(dossierId);
    return dossier as DossierWithWorker;
  }

  private async campaignOf(
    employerId: string,
    campaignId: string | null | undefined,
  ): Promise<CampaignEntity | null> {
    if (!campaignId) return null;
    return bodyReference('campaignId', 'campaign', () =>
      this.campaigns.findOwned(employerId, campaignId),
    );
  }

  /** Inserts a DRAFT dossier and its first timeline event in one transaction. */
  private async insert(
    auth: AuthContext,
    fields: Pick<
      DossierEntity,
      | 'employerId'
      | 'workerId'
      | 'campaignId'
      | 'season'
      | 'jobTitle'
      | 'contractType'
      | 'shortageOccupation'
      | 'plannedStart'
      | 'plannedEnd'
      | 'ofiiOffice'
      | 'consulate'
    >,
    creationData: Record<string, unknown> = {},
  ): Promise<string> {
    const taken = () =>
      new ApiException(
        409,
        API_ERROR_CODES.CONFLICT,
        {
          fr: `Ce salarié a déjà un dossier pour la saison ${fields.season} : ouvrez-le, ou choisissez une autre saison.`,
          en: `This worker already has a dossier for season ${fields.season}: open it, or choose another season.`,
        },
        [
          {
            field: 'season',
            message: {
              fr: `Le salarié a déjà un dossier pour la saison ${fields.season}.`,
              en: `The worker already has a dossier for season ${fields.season}.`,
            },
          },
        ],
      );
    if (
      await this.dossiers.existsBy({
        employerId: fields.employerId,
        workerId: fields.workerId,
        season: fields.season,
      })
    )
      throw taken();
    try {
      return await this.dataSource.transaction(async (m) => {
        const now = new Date();
        const dossier = await m.save(
          m.create(DossierEntity, {
            ...fields,
            state: 'DRAFT',
            stateChangedAt: now,
            recorded: {},
            permitNumber: null,
            permitGrantedOn: null,
            permitValidUntil: null,
            lastStepOn: null,
            transmittedOn: null,
            legalDeadlineKind: null,
            legalDeadlineOn: null,
          }),
        );
        await writeCreation(m, dossier, actorOf(auth), creationData, now);
        return dossier.id;
      });
    } catch (error) {
      if (isUniqueViolation(error, SEASON_KEY)) throw taken();
      throw error;
    }
  }
}

export function dossierNotFound(id: string): ApiException {
  return new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
    fr: `Aucun dossier avec l'identifiant ${id} n'a été trouvé ici.`,
    en: `No dossier with the id ${id} was found here.`,
  });
}
