import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { CampaignEntity } from '../campaigns/entities/campaign.entity';
import { DossierEventEntity } from '../dossiers/entities/dossier-event.entity';
import { DossierEntity } from '../dossiers/entities/dossier.entity';
import { EmployerEntity } from '../employers/entities/employer.entity';
import { WorkerEntity } from '../workers/entities/worker.entity';
import { registerMultipart } from './import-upload';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/**
 * Import of hires (workers and their DRAFT dossiers) from an .xlsx or CSV file: preview, then commit.
 * Registers @fastify/multipart on the HTTP server (the only multipart routes are here).
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
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as
      | FastifyInstance
      | undefined;
    if (fastify) await registerMultipart(fastify);
  }
}
