import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  DocumentChecklist,
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

@ApiTags('documents')
@Controller('employers/:employerId/dossiers/:dossierId/documents')
export class DossierDocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly uploads: DocumentUploadService,
  ) {}

  /** Checked while it streams in; a work permit answers a suggestion for the dossier. */
  @DocumentUploadRoute()
  async upload(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('dossierId', IdPipe) dossierId: string,
    @Req() request: FastifyRequest,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DocumentUploadResponse> {
    return this.uploads.toDossier(auth, meta, employerId, dossierId, request);
  }

  @Get()
  @RequirePermission('employer.read')
  async list(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('dossierId', IdPipe) dossierId: string,
    @Query() query: DocumentListQueryDto,
  ): Promise<DocumentListResponse> {
    const items = await this.documents.listForDossier(
      auth,
      employerId,
      dossierId,
      query.includeDeleted ?? false,
    );
    return { items };
  }

  /** The papers usually expected in the dossier's state, present and missing. */
  @Get('checklist')
  @RequirePermission('employer.read')
  async checklist(
    @AccessibleEmployerId() employerId: string,
    @Param('dossierId', IdPipe) dossierId: string,
  ): Promise<DocumentChecklist> {
    return this.documents.checklist(employerId, dossierId);
  }
}
