import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  DocumentListResponse,
  DocumentUploadResponse,
} from '@moisson/contract';
import type { FastifyRequest } from 'fastify';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { AccessibleEmployerId } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { DocumentUploadRoute } from './document-upload.route';
import { DocumentUploadService } from './document-upload.service';
import { DocumentsService } from './documents.service';
import { DocumentListQueryDto } from './dto/document-list-query.dto';

/** A worker's papers: upload of a passport or residence card, and every document of the worker. */
@ApiTags('documents')
@Controller('employers/:employerId/workers/:workerId/documents')
export class WorkerDocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly uploads: DocumentUploadService,
  ) {}

  @DocumentUploadRoute()
  async upload(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('workerId', IdPipe) workerId: string,
    @Req() request: FastifyRequest,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DocumentUploadResponse> {
    return this.uploads.toWorker(auth, meta, employerId, workerId, request);
  }

  @Get()
  @RequirePermission('employer.read')
  async list(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('workerId', IdPipe) workerId: string,
    @Query() query: DocumentListQueryDto,
  ): Promise<DocumentListResponse> {
    const items = await this.documents.listForWorker(
      auth,
      employerId,
      workerId,
      query.includeDeleted ?? false,
    );
    return { items };
  }
}
