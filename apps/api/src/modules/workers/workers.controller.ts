import {
  Body,
  Controller,
  Get,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, WorkerListItem, WorkerResponse } from '@moisson/contract';
import { AccessService } from '../../core/auth/access.service';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import {
  CreateWorkerDto,
  UpdateWorkerDto,
  WorkerListQueryDto,
} from './dto/worker.dto';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@Controller('employers/:employerId/workers')
export class WorkersController {
  constructor(
    private readonly workers: WorkersService,
    private readonly access: AccessService,
  ) {}

  /** Passport numbers masked; `q` matches names, or the full passport number. */
  @Get()
  @RequirePermission('employer.read')
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Query() query: WorkerListQueryDto,
  ): Promise<Page<WorkerListItem>> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.workers.list(employer.id, query);
  }

  @Post()
  @RequirePermission('employer.dossiers.write')
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Body() body: CreateWorkerDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<WorkerResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.workers.create(auth, meta, employer.id, body);
  }

  /** The full passport number: the read is written to the audit log. */
  @Get(':workerId')
  @RequirePermission('employer.read')
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('workerId', IdPipe) workerId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<WorkerResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.workers.get(auth, meta, employer.id, workerId);
  }

  @Patch(':workerId')
  @RequirePermission('employer.dossiers.write')
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('workerId', IdPipe) workerId: string,
    @Body() body: UpdateWorkerDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<WorkerResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.workers.update(auth, meta, employer.id, workerId, body);
  }
}
