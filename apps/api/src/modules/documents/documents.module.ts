import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../../core/storage/storage.module';
import { DossierEntity } from '../dossiers/entities/dossier.entity';
import { WorkerEntity } from '../workers/entities/worker.entity';
import { DocumentExpiriesModule } from './document-expiries.module';
import { DocumentUploadService } from './document-upload.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DossierDocumentsController } from './dossier-documents.controller';
import { DocumentEntity } from './entities/document.entity';
import { WorkerDocumentsController } from './worker-documents.controller';

/**
 * Documents of dossiers and workers: upload with content checks, lists and checklist, audited
 * reads, soft delete and restore; validity ends for the reminders (DocumentExpiriesModule,
 * re-exported; the worker imports that module alone). The multipart parser is registered on
 * Fastify by ImportsModule (registerMultipart).
 */
@Module({
  imports: [
    StorageModule,
    DocumentExpiriesModule,
    TypeOrmModule.forFeature([DocumentEntity, DossierEntity, WorkerEntity]),
  ],
  controllers: [
    DossierDocumentsController,
    WorkerDocumentsController,
    DocumentsController,
  ],
  providers: [DocumentsService, DocumentUploadService],
  exports: [DocumentExpiriesModule],
})
export class DocumentsModule {}
