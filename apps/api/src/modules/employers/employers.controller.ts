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
import type {
  EmployerResponse,
  InvitationResponse,
  Page,
  UserResponse,
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
import { IdPipe } from '../../core/http/id.pipe';
import { InvitationsService } from '../invitations/invitations.service';
import { InviteEmployerUserDto, UpdateUserDto } from '../users/dto/users.dto';
import { UsersService } from '../users/users.service';
import {
  CreateEmployerDto,
  EmployerListQueryDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import { EmployersService } from './employers.service';
import type { EmployerEntity } from './entities/employer.entity';

/** Kept here for the controllers that import it from the employers module. */
export { IdPipe };

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(
    private readonly employers: EmployersService,
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @RequirePermission('firm.read')
  list(@Query() query: EmployerListQueryDto): Promise<Page<EmployerResponse>> {
    return this.employers.list(query.search, query.cursor);
  }

  @Post()
  @RequirePermission('firm.admin')
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CreateEmployerDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<EmployerResponse> {
    return this.employers.create(auth, body, meta);
  }

  @Get(':id')
  @RequirePermission('employer.read')
  async get(
    @AccessibleEmployerId('id') employerId: string,
  ): Promise<EmployerResponse> {
    return this.employers.getById(employerId);
  }

  @Patch(':id')
  @RequirePermission('firm.admin')
  async update(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer('id') employer: EmployerEntity,
    @Body() body: UpdateEmployerDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<EmployerResponse> {
    return this.employers.update(auth, employer, body, meta);
  }

  @Get(':id/users')
  @RequirePermission('employer.users.read')
  async listUsers(
    @AccessibleEmployer('id') employer: EmployerEntity,
  ): Promise<UserResponse[]> {
    return this.users.listForEmployer(employer.id);
  }

  @Get(':id/invitations')
  @RequirePermission('employer.users.read')
  async listInvitations(
    @AccessibleEmployer('id') employer: EmployerEntity,
  ): Promise<InvitationResponse[]> {
    return this.invitations.listPending(employer.id);
  }

  @Post(':id/invitations')
  @RequirePermission('employer.users.manage')
  async invite(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer('id') employer: EmployerEntity,
    @Body() body: InviteEmployerUserDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<InvitationResponse> {
    return this.invitations.invite(
      auth,
      body.email,
      body.role,
      employer,
      body.locale ?? 'fr',
      meta,
    );
  }

  @Patch(':id/users/:userId')
  @RequirePermission('employer.users.manage')
  async updateUser(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer('id') employer: EmployerEntity,
    @Param('userId', IdPipe) userId: string,
    @Body() body: UpdateUserDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<UserResponse> {
    return this.users.update(auth, employer.id, userId, body, meta);
  }
}
