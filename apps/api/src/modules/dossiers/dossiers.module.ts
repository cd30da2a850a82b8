import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsController } from '../campaigns/campaigns.controller';
import { CampaignsService } from '../campaigns/campaigns.service';
import { CampaignEntity } from '../campaigns/entities/campaign.entity';
import { EmployerEntity } from '../employers/entities/employer.entity';
import { WorkerEntity } from '../workers/entities/worker.entity';
import { WorkersController } from '../workers/workers.controller';
import { WorkersService } from '../workers/workers.service';
import { DossierListService } from './dossier-list.service';
import { DossierTransitionsController } from './dossier-transitions.controller';
import { DossierTransitionsService } from './dossier-transitions.service';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { DossierEventEntity } from './entities/dossier-event.entity';
import { DossierEntity } from './entities/dossier.entity';

/**
 * Seasonal hires: workers, campaigns and dossiers with their timeline. One module because a dossier
 * joins its worker and campaign; each concept keeps its own folder (modules/workers, modules/campaigns).
 * Every route is nested under /api/employers/:employerId and scoped by @AccessibleEmployer() / @AccessibleEmployerId().
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      EmployerEntity,
      WorkerEntity,
      CampaignEntity,
      DossierEntity,
      DossierEventEntity,
    ]),
  ],
  controllers: [
    WorkersController,
    CampaignsController,
    DossiersController,
    DossierTransitionsController,
  ],
  providers: [
    WorkersService,
    CampaignsService,
    DossiersService,
    DossierListService,
    DossierTransitionsService,
  ],
})
export class DossiersModule {}
