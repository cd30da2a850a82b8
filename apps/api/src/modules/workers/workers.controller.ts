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
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { AccessibleEmployer } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import {
  CreateWorkerDto,
  UpdateWorkerDto,
  WorkerListQueryDto,
} from './dto/worker.dto';
import { WorkersService } from './workers.service';
import type { EmployerEntity } from '../employers/entities/employer.entity';

@ApiTags('workers')
@Controller('employers/:employerId/workers')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  /** Passport numbers masked; `q` matches names, or the full passport number. */
  @Get()
  @RequirePermission('employer.read')
  async list(
    @AccessibleEmployer() employer: EmployerEntity,
    @Query() query: WorkerListQueryDto,
  ): Promise<Page<WorkerListItem>> {
    return this.workers.list(employer.id, query);
  }

  @Post()
  @RequirePermission('employer.dossiers.write')
  async create(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Body() body: CreateWorkerDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<WorkerResponse> {
    return this.workers.create(auth, meta, employer.id, body);
  }

  /** The full passport number: the read is written to the audit log. */
  @Get(':workerId')
  @RequirePermission('employer.read')
  async get(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('workerId', IdPipe) workerId: string,
    @ClientMeta() meta: RequestMeta,
  ): Promise<WorkerResponse> {
    return this.workers.get(auth, meta, employer.id, workerId);
  }

  @Patch(':workerId')
  @RequirePermission('employer.dossiers.write')
  async update(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('workerId', IdPipe) workerId: string,
    @Body() body: UpdateWorkerDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<WorkerResponse> {
    return this.workers.update(auth, meta, employer.id, workerId, body);
  }
}
