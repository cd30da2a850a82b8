import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SessionResponse } from '@moisson/contract';
import type { FastifyReply } from 'fastify';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  OptionalAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { sessionCookieOptions, SESSION_COOKIE } from '../../core/auth/cookies';
import {
  Public,
  RequirePermission,
} from '../../core/auth/route-access.decorator';
import { AppConfig } from '../../core/config/app-config';
import {
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetDto,
  TotpLoginDto,
} from './dto/auth.dto';
import { AuthService } from './services/auth.service';
import { PasswordResetService } from './services/password-reset.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly config: AppConfig,
  ) {}

  /** The caller's session (also while the two-factor step is due). 401 when signed out. */
  @Get('session')
  @RequirePermission('authenticated', { allowPendingTotp: true })
  session(@CurrentAuth() auth: AuthContext): SessionResponse {
    return this.auth.session(auth);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @ClientMeta() meta: RequestMeta,
    @OptionalAuth() previous: AuthContext | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const { token, response } = await this.auth.login(
      body.email,
      body.password,
      meta,
      previous,
    );
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(this.config));
    return response;
  }

  @Post('login/totp')
  @RequirePermission('authenticated', { allowPendingTotp: true })
  @HttpCode(200)
  loginTotp(
    @Body() body: TotpLoginDto,
    @CurrentAuth() auth: AuthContext,
    @ClientMeta() meta: RequestMeta,
  ): Promise<SessionResponse> {
    return this.auth.loginTotp(auth, body.code, meta);
  }

  @Post('logout')
  @RequirePermission('authenticated', { allowPendingTotp: true })
  @HttpCode(204)
  async logout(
    @CurrentAuth() auth: AuthContext,
    @ClientMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(auth, meta);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** Always 202: the answer never tells whether an account exists. */
  @Post('password-reset')
  @Public()
  @HttpCode(202)
  async requestReset(
    @Body() body: PasswordResetDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.resets.request(body.email, meta);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  async confirmReset(
    @Body() body: PasswordResetConfirmDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.resets.confirm(body.token, body.newPassword, meta);
  }
}
