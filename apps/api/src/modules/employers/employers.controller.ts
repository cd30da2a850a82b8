import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ERROR_CODES } from '@moisson/contract';
import type {
  EmployerResponse,
  InvitationResponse,
  Page,
  UserResponse,
} from '@moisson/contract';
import { AccessService } from '../../core/auth/access.service';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { ApiException } from '../../core/http/api-exception';
import { InvitationsService } from '../invitations/invitations.service';
import { InviteEmployerUserDto, UpdateUserDto } from '../users/dto/users.dto';
import { UsersService } from '../users/users.service';
import {
  CreateEmployerDto,
  EmployerListQueryDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import { EmployersService } from './employers.service';

/** An unknown or malformed id is simply not found. */
export const IdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
      fr: "Rien n'a été trouvé avec cet identifiant.",
      en: 'Nothing was found with this id.',
    }),
});

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(
    private readonly employers: EmployersService,
    private readonly access: AccessService,
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
    @CurrentAuth() auth: AuthContext,
    @Param('id', IdPipe) id: string,
  ): Promise<EmployerResponse> {
    return this.employers.getById(
      await this.access.requireEmployerId(auth, id),
    );
  }

  @Patch(':id')
  @RequirePermission('firm.admin')
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateEmployerDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<EmployerResponse> {
    return this.employers.update(
      auth,
      await this.access.requireEmployer(auth, id),
      body,
      meta,
    );
  }

  @Get(':id/users')
  @RequirePermission('employer.users.read')
  async listUsers(
    @CurrentAuth() auth: AuthContext,
    @Param('id', IdPipe) id: string,
  ): Promise<UserResponse[]> {
    const employer = await this.access.requireEmployer(auth, id);
    return this.users.listForEmployer(employer.id);
  }

  @Get(':id/invitations')
  @RequirePermission('employer.users.read')
  async listInvitations(
    @CurrentAuth() auth: AuthContext,
    @Param('id', IdPipe) id: string,
  ): Promise<InvitationResponse[]> {
    const employer = await this.access.requireEmployer(auth, id);
    return this.invitations.listPending(employer.id);
  }

  @Post(':id/invitations')
  @RequirePermission('employer.users.manage')
  async invite(
    @CurrentAuth() auth: AuthContext,
    @Param('id', IdPipe) id: string,
    @Body() body: InviteEmployerUserDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<InvitationResponse> {
    const employer = await this.access.requireEmployer(auth, id);
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
    @Param('id', IdPipe) id: string,
    @Param('userId', IdPipe) userId: string,
    @Body() body: UpdateUserDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<UserResponse> {
    const employer = await this.access.requireEmployer(auth, id);
    return this.users.update(auth, employer.id, userId, body, meta);
  }
}
