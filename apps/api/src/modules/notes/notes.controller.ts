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
import { AccessService } from '../../core/auth/access.service';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
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
  constructor(
    private readonly notes: NotesService,
    private readonly access: AccessService,
  ) {}

  @Get('notes')
  @RequirePermission('employer.read')
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Query() query: NoteListQueryDto,
  ): Promise<Page<NoteResponse>> {
    const employer = await this.access.requireEmployerId(auth, employerId);
    return this.notes.list(auth, employer, query);
  }

  @Get('dossiers/:dossierId/notes')
  @RequirePermission('employer.read')
  async listForDossier(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('dossierId', IdPipe) dossierId: string,
  ): Promise<NoteResponse[]> {
    const employer = await this.access.requireEmployerId(auth, employerId);
    return this.notes.listForDossier(auth, employer, dossierId);
  }

  @Post('notes')
  @RequirePermission('firm.notes.write')
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Body() body: CreateNoteDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<NoteResponse> {
    const employer = await this.access.requireEmployerId(auth, employerId);
    return this.notes.create(auth, employer, body, meta);
  }

  @Patch('notes/:noteId')
  @RequirePermission('firm.notes.write')
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('noteId', IdPipe) noteId: string,
    @Body() body: UpdateNoteDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<NoteResponse> {
    const employer = await this.access.requireEmployerId(auth, employerId);
    return this.notes.update(auth, employer, noteId, body, meta);
  }

  @Delete('notes/:noteId')
  @HttpCode(204)
  @RequirePermission('firm.notes.write')
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('noteId', IdPipe) noteId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<void> {
    const employer = await this.access.requireEmployerId(auth, employerId);
    await this.notes.remove(auth, employer, noteId, meta);
  }
}
