import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  CampaignResponse,
  CreateCampaignRequest,
  UpdateCampaignRequest,
} from '@moisson/contract';
import { Repository } from 'typeorm';
import { ApiException } from '../../core/http/api-exception';
import { isUniqueViolation } from '../dossiers/common/unique-violation';
import { DossierEntity } from '../dossiers/entities/dossier.entity';
import { CampaignEntity } from './entities/campaign.entity';

const NAME_KEY = 'campaign_employer_name_key';

/** An employer's campaigns. An employer keeps a handful per season: lists are not paginated. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(CampaignEntity)
    private readonly campaigns: Repository<CampaignEntity>,
    @InjectRepository(DossierEntity)
    private readonly dossiers: Repository<DossierEntity>,
  ) {}

  /** Latest season first, then by name, each with its number of dossiers. */
  async list(employerId: string): Promise<CampaignResponse[]> {
    const rows = await this.campaigns.find({
      where: { employerId },
      order: { season: 'DESC', name: 'ASC' },
    });
    const counts = await this.dossierCounts(
      employerId,
      rows.map((c) => c.id),
    );
    return rows.map((c) => toCampaignResponse(c, counts.get(c.id) ?? 0));
  }

  async get(employerId: string, campaignId: string): Promise<CampaignResponse> {
    const campaign = await this.findOwned(employerId, campaignId);
    const counts = await this.dossierCounts(employerId, [campaign.id]);
    return toCampaignResponse(campaign, counts.get(campaign.id) ?? 0);
  }

  async create(
    employerId: string,
    input: CreateCampaignRequest,
  ): Promise<CampaignResponse> {
    await this.assertNameFree(employerId, input.name);
    try {
      const saved = await this.campaigns.save(
        this.campaigns.create({
          employerId,
          name: input.name,
          season: input.season,
          notes: input.notes ?? null,
        }),
      );
      return this.get(employerId, saved.id);
    } catch (error) {
      if (isUniqueViolation(error, NAME_KEY)) throw nameTaken(input.name);
      throw error;
    }
  }

  /** The season of a campaign with dossiers cannot change: each dossier's season must stay its campaign's. */
  async update(
    employerId: string,
    campaignId: string,
    input: UpdateCampaignRequest,
  ): Promise<CampaignResponse> {
    const campaign = await this.findOwned(employerId, campaignId);
    if (input.name !== undefined && input.name !== campaign.name)
      await this.assertNameFree(employerId, input.name);
    if (input.season !== undefined && input.season !== campaign.season) {
      const count =
        (await this.dossierCounts(employerId, [campaign.id])).get(
          campaign.id,
        ) ?? 0;
      if (count > 0)
        throw new ApiException(
          422,
          API_ERROR_CODES.UNPROCESSABLE,
          {
            fr: `La saison ne peut pas changer : la campagne contient déjà ${count} dossier${count > 1 ? 's' : ''} de la saison ${campaign.season}.`,
            en: `season cannot change: the campaign already holds ${count} dossier${count > 1 ? 's' : ''} of season ${campaign.season}.`,
          },
          [
            {
              field: 'season',
              message: {
                fr: 'La campagne contient déjà des dossiers de sa saison.',
                en: 'The campaign already holds dossiers of its season.',
              },
            },
          ],
        );
    }
    const change: Partial<CampaignEntity> = {};
    if (input.name !== undefined) change.name = input.name;
    if (input.season !== undefined) change.season = input.season;
    if (input.notes !== undefined) change.notes = input.notes;
    if (Object.keys(change).length > 0) {
      try {
        await this.campaigns.update({ id: campaign.id, employerId }, change);
      } catch (error) {
        if (isUniqueViolation(error, NAME_KEY))
          throw nameTaken(input.name ?? '');
        throw error;
      }
    }
    return this.get(employerId, campaign.id);
  }

  /** The campaign of this employer, or 404 (another employer's campaign is "not found" too). */
  async findOwned(
    employerId: string,
    campaignId: string,
  ): Promise<CampaignEntity> {
    const campaign = await this.campaigns.findOneBy({
      id: campaignId,
      employerId,
    });
    if (!campaign)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucune campagne avec l'identifiant ${campaignId} n'a été trouvée ici.`,
        en: `No campaign with the id ${campaignId} was found here.`,
      });
    return campaign;
  }

  private async assertNameFree(
    employerId: string,
    name: string,
  ): Promise<void> {
    if (await this.campaigns.existsBy({ employerId, name }))
      throw nameTaken(name);
  }

  private async dossierCounts(
    employerId: string,
    ids: string[],
  ): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dossiers
      .createQueryBuilder('d')
      .select('d.campaign_id', 'campaignId')
      .addSelect('count(*)::int', 'count')
      .where('d.employer_id = :employerId', { employerId })
      .andWhere('d.campaign_id IN (:...ids)', { ids })
      .groupBy('d.campaign_id')
      .getRawMany<{ campaignId: string; count: number }>();
    return new Map(rows.map((r) => [r.campaignId, r.count]));
  }
}

function nameTaken(name: string): ApiException {
  return new ApiException(
    409,
    API_ERROR_CODES.CONFLICT,
    {
      fr: `Une campagne nommée « ${name} » existe déjà ici : choisissez un autre nom.`,
      en: `A campaign named "${name}" already exists here: choose another name.`,
    },
    [
      {
        field: 'name',
        message: {
          fr: 'Ce nom de campagne est déjà utilisé.',
          en: 'This campaign name is already used.',
        },
      },
    ],
  );
}

export function toCampaignResponse(
  c: CampaignEntity,
  dossierCount: number,
): CampaignResponse {
  return {
    id: c.id,
    employerId: c.employerId,
    name: c.name,
    season: c.season,
    notes: c.notes,
    dossierCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
