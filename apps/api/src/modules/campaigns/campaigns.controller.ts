import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CampaignResponse } from '@moisson/contract';
import { AccessibleEmployer } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';
import type { EmployerEntity } from '../employers/entities/employer.entity';

@ApiTags('campaigns')
@Controller('employers/:employerId/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @RequirePermission('employer.read')
  async list(
    @AccessibleEmployer() employer: EmployerEntity,
  ): Promise<CampaignResponse[]> {
    return this.campaigns.list(employer.id);
  }

  @Post()
  @RequirePermission('employer.dossiers.write')
  async create(
    @AccessibleEmployer() employer: EmployerEntity,
    @Body() body: CreateCampaignDto,
  ): Promise<CampaignResponse> {
    return this.campaigns.create(employer.id, body);
  }

  @Get(':campaignId')
  @RequirePermission('employer.read')
  async get(
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('campaignId', IdPipe) campaignId: string,
  ): Promise<CampaignResponse> {
    return this.campaigns.get(employer.id, campaignId);
  }

  @Patch(':campaignId')
  @RequirePermission('employer.dossiers.write')
  async update(
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('campaignId', IdPipe) campaignId: string,
    @Body() body: UpdateCampaignDto,
  ): Promise<CampaignResponse> {
    return this.campaigns.update(employer.id, campaignId, body);
  }
}
