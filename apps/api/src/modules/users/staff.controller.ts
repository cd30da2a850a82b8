import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InvitationResponse, UserResponse } from '@moisson/contract';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { InvitationsService } from '../invitations/invitations.service';
import { InviteStaffDto, UpdateUserDto } from './dto/users.dto';
import { UsersService } from './users.service';

/** The law firm's own people. */
@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @RequirePermission('firm.read')
  list(): Promise<UserResponse[]> {
    return this.users.listStaff();
  }

  @Get('invitations')
  @RequirePermission('firm.admin')
  listInvitations(): Promise<InvitationResponse[]> {
    return this.invitations.listPending(null);
  }

  @Post('invitations')
  @RequirePermission('firm.admin')
  invite(
    @CurrentAuth() auth: AuthContext,
    @Body() body: InviteStaffDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<InvitationResponse> {
    return this.invitations.invite(
      auth,
      body.email,
      body.role,
      null,
      body.locale ?? 'fr',
      meta,
    );
  }

  @Patch(':id')
  @RequirePermission('firm.admin')
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdateUserDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<UserResponse> {
    return this.users.update(auth, null, id, body, meta);
  }
}
