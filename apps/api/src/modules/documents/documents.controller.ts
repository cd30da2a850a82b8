import {
  Controller,
  Delete,
  Get,
  Param,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DocumentListItem } from '@moisson/contract';
import type { FastifyReply } from 'fastify';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { AccessibleEmployerId } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { setDocumentHeaders } from './document-headers';
import { DocumentsService } from './documents.service';

/** One document: its data, its bytes (download, preview: audited), delete and restore. */
@ApiTags('documents')
@Controller('employers/:employerId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':documentId')
  @RequirePermission('employer.read')
  async get(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('documentId', IdPipe) documentId: string,
  ): Promise<DocumentListItem> {
    return this.documents.get(auth, employerId, documentId);
  }

  /** The file as an attachment, under its original (sanitised) name. */
  @Get(':documentId/download')
  @RequirePermission('employer.read')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async download(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('documentId', IdPipe) documentId: string,
    @ClientMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return this.bytes(auth, meta, employerId, documentId, reply, 'download');
  }

  /** The file inline, for the browser's viewer (an <iframe> or <img> of the portal). */
  @Get(':documentId/preview')
  @RequirePermission('employer.read')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async preview(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('documentId', IdPipe) documentId: string,
    @ClientMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return this.bytes(auth, meta, employerId, documentId, reply, 'preview');
  }

  /** Soft delete (the firm can restore). */
  @Delete(':documentId')
  @RequirePermission('employer.dossiers.write')
  async remove(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('documentId', IdPipe) documentId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DocumentListItem> {
    return this.documents.remove(auth, meta, employerId, documentId);
  }

  @Post(':documentId/restore')
  @RequirePermission('firm.documents.restore')
  async restore(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('documentId', IdPipe) documentId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DocumentListItem> {
    return this.documents.restore(auth, meta, employerId, documentId);
  }

  private async bytes(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    documentId: string,
    reply: FastifyReply,
    via: 'download' | 'preview',
  ): Promise<StreamableFile> {
    const { document, stream } = await this.documents.read(
      auth,
      meta,
      employerId,
      documentId,
      via,
    );
    setDocumentHeaders(reply, document, via);
    return new StreamableFile(stream);
  }
}
