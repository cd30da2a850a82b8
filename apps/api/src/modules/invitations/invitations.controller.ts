import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InvitationPreview, SessionResponse } from '@moisson/contract';
import type { FastifyReply } from 'fastify';
import { ClientMeta, RequestMeta } from '../../core/auth/auth-context';
import { sessionCookieOptions, SESSION_COOKIE } from '../../core/auth/cookies';
import { Public } from '../../core/auth/route-access.decorator';
import { AppConfig } from '../../core/config/app-config';
import { AcceptInvitationDto } from '../auth/dto/auth.dto';
import { InvitationTokenPipe } from '../auth/invitation-token.pipe';
import { InvitationsService } from './invitations.service';

/** The public side of an invitation: what the e-mailed link opens. */
@ApiTags('auth')
@Controller('auth')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  @Get('invitations/:token')
  @Public()
  previewInvitation(
    @Param('token', InvitationTokenPipe) token: string,
  ): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Post('invitations/:token/accept')
  @Public()
  @HttpCode(200)
  async acceptInvitation(
    @Param('token', InvitationTokenPipe) token: string,
    @Body() body: AcceptInvitationDto,
    @ClientMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const { token: sessionToken, response } = await this.invitations.accept(
      token,
      body.fullName,
      body.password,
      body.locale,
      meta,
    );
    reply.setCookie(
      SESSION_COOKIE,
      sessionToken,
      sessionCookieOptions(this.config),
    );
    return response;
  }
}
