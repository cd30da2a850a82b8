import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  DossierDetail,
  DossierListItem,
  DossierSummaryResponse,
  Page,
} from '@moisson/contract';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import {
  AccessibleEmployer,
  AccessibleEmployerId,
} from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { todayInParis } from './common/paris-today';
import {
  CSV_BOM,
  csvLine,
  DOSSIER_CSV_HEADER,
  dossierCsvValues,
} from './dossier-csv';
import { DossierFilters, DossierListService } from './dossier-list.service';
import { DossiersService } from './dossiers.service';
import {
  CreateDossierDto,
  RehireDto,
  UpdateDossierDto,
} from './dto/dossier.dto';
import {
  DossierFiltersDto,
  DossierListQueryDto,
} from './dto/dossier-list-query.dto';
import type { EmployerEntity } from '../employers/entities/employer.entity';

@ApiTags('dossiers')
@Controller('employers/:employerId/dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly lists: DossierListService,
  ) {}

  /** Filtered, sorted, keyset-paginated; passport numbers masked. */
  @Get()
  @RequirePermission('employer.read')
  async list(
    @AccessibleEmployerId() employerId: string,
    @Query() query: DossierListQueryDto,
  ): Promise<Page<DossierListItem>> {
    const { cursor, limit, ...filters } = query;
    return this.lists.list(
      employerId,
      filters,
      { cursor, limit },
      todayInParis(),
    );
  }

  /** The dashboard's counts: dossiers per stage, overdue convocations, convoked (exact). */
  @Get('summary')
  @RequirePermission('employer.read')
  async summary(
    @AccessibleEmployerId() employerId: string,
  ): Promise<DossierSummaryResponse> {
    return this.lists.summary(employerId, todayInParis());
  }

  @Post()
  @RequirePermission('employer.dossiers.write')
  async create(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Body() body: CreateDossierDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DossierDetail> {
    return this.dossiers.create(auth, meta, employer, body);
  }

  /** The filtered list as CSV for French Excel (UTF-8 with BOM, ";", CRLF, dd/mm/yyyy). */
  @Get('export.csv')
  @RequirePermission('employer.read')
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async exportCsv(
    @AccessibleEmployer() employer: EmployerEntity,
    @Query() query: DossierFiltersDto,
  ): Promise<StreamableFile> {
    const today = todayInParis();
    return new StreamableFile(
      Readable.from(this.csvLines(employer.id, query, today)),
      {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="dossiers-${today}.csv"`,
      },
    );
  }

  /** Dossier, worker (full passport number: audited), timeline, deadlines, next step. */
  @Get(':dossierId')
  @RequirePermission('employer.read')
  async get(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployerId() employerId: string,
    @Param('dossierId', IdPipe) dossierId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DossierDetail> {
    return this.dossiers.detail(auth, meta, employerId, dossierId);
  }

  @Patch(':dossierId')
  @RequirePermission('employer.dossiers.write')
  async update(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('dossierId', IdPipe) dossierId: string,
    @Body() body: UpdateDossierDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DossierDetail> {
    return this.dossiers.update(auth, meta, employer.id, dossierId, body);
  }

  /** Next season's DRAFT dossier for the same worker. */
  @Post(':dossierId/rehire')
  @RequirePermission('employer.dossiers.write')
  async rehire(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('dossierId', IdPipe) dossierId: string,
    @Body() body: RehireDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DossierDetail> {
    return this.dossiers.rehire(auth, meta, employer.id, dossierId, body);
  }

  private async *csvLines(
    employerId: string,
    filters: DossierFilters,
    today: string,
  ): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(DOSSIER_CSV_HEADER);
    for await (const item of this.lists.all(employerId, filters, today))
      yield csvLine(dossierCsvValues(item));
  }
}
