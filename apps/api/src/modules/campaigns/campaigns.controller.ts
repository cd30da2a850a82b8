import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CampaignResponse } from '@moisson/contract';
import { AccessService } from '../../core/auth/access.service';
import { AuthContext, CurrentAuth } from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';

@ApiTags('campaigns')
@Controller('employers/:employerId/campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly access: AccessService,
  ) {}

  @Get()
  @RequirePermission('employer.read')
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
  ): Promise<CampaignResponse[]> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.campaigns.list(employer.id);
  }

  @Post()
  @RequirePermission('employer.dossiers.write')
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Body() body: CreateCampaignDto,
  ): Promise<CampaignResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.campaigns.create(employer.id, body);
  }

  @Get(':campaignId')
  @RequirePermission('employer.read')
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('campaignId', IdPipe) campaignId: string,
  ): Promise<CampaignResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.campaigns.get(employer.id, campaignId);
  }

  @Patch(':campaignId')
  @RequirePermission('employer.dossiers.write')
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('campaignId', IdPipe) campaignId: string,
    @Body() body: UpdateCampaignDto,
  ): Promise<CampaignResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.campaigns.update(employer.id, campaignId, body);
  }
}
