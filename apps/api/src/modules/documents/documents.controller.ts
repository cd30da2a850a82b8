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
import { AccessService } from '../../core/auth/access.service';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { setDocumentHeaders } from './document-headers';
import { DocumentsService } from './documents.service';

/** One document: its data, its bytes (download, preview: audited), delete and restore. */
@ApiTags('documents')
@Controller('employers/:employerId/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly access: AccessService,
  ) {}

  @Get(':documentId')
  @RequirePermission('employer.read')
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('documentId', IdPipe) documentId: string,
  ): Promise<DocumentListItem> {
    const id = await this.access.requireEmployerId(auth, employerId);
    return this.documents.get(auth, id, documentId);
  }

  /** The file as an attachment, under its original (sanitised) name. */
  @Get(':documentId/download')
  @RequirePermission('employer.read')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async download(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
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
    @Param('employerId', IdPipe) employerId: string,
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
    @Param('employerId', IdPipe) employerId: string,
    @Param('documentId', IdPipe) documentId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DocumentListItem> {
    const id = await this.access.requireEmployerId(auth, employerId);
    return this.documents.remove(auth, meta, id, documentId);
  }

  @Post(':documentId/restore')
  @RequirePermission('firm.documents.restore')
  async restore(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('documentId', IdPipe) documentId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DocumentListItem> {
    const id = await this.access.requireEmployerId(auth, employerId);
    return this.documents.restore(auth, meta, id, documentId);
  }

  private async bytes(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    documentId: string,
    reply: FastifyReply,
    via: 'download' | 'preview',
  ): Promise<StreamableFile> {
    const id = await this.access.requireEmployerId(auth, employerId);
    const { document, stream } = await this.documents.read(
      auth,
      meta,
      id,
      documentId,
      via,
    );
    setDocumentHeaders(reply, document, via);
    return new StreamableFile(stream);
  }
}
