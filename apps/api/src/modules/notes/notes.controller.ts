import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NoteResponse, Page } from '@moisson/contract';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { AccessibleEmployerId } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { CreateNoteDto, NoteListQueryDto, UpdateNoteDto } from './dto/note.dto';
import { NotesService } from './notes.service';

/**
 * Notes on an employer or its dossiers: firm staff write them (internal or shared); everyone who
 * may read the employer reads them, employer users only the shared ones.
 */
@ApiTags('notes')
@Controller('employers/:employerId')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get('notes')
  @RequirePermission('employer.read')
  async list(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Query() query: NoteListQueryDto,
  ): Promise<Page<NoteResponse>> {
    return this.notes.list(auth, employerId, query);
  }

  @Get('dossiers/:dossierId/notes')
  @RequirePermission('employer.read')
  async listForDossier(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('dossierId', IdPipe) dossierId: string,
  ): Promise<NoteResponse[]> {
    return this.notes.listForDossier(auth, employerId, dossierId);
  }

  @Post('notes')
  @RequirePermission('firm.notes.write')
  async create(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Body() body: CreateNoteDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<NoteResponse> {
    return this.notes.create(auth, employerId, body, meta);
  }

  @Patch('notes/:noteId')
  @RequirePermission('firm.notes.write')
  async update(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('noteId', IdPipe) noteId: string,
    @Body() body: UpdateNoteDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<NoteResponse> {
    return this.notes.update(auth, employerId, noteId, body, meta);
  }

  @Delete('notes/:noteId')
  @HttpCode(204)
  @RequirePermission('firm.notes.write')
  async remove(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('noteId', IdPipe) noteId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.notes.remove(auth, employerId, noteId, meta);
  }
}
