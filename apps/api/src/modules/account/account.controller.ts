import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  RecoveryCodesResponse,
  SessionUser,
  TotpSetupResponse,
} from '@moisson/contract';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import {
  ChangePasswordDto,
  TotpDisableDto,
  TotpEnableDto,
  UpdateAccountDto,
} from '../auth/dto/auth.dto';
import { AccountService } from './account.service';

@ApiTags('account')
@Controller('account')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Patch()
  @RequirePermission('authenticated')
  update(
    @CurrentAuth() auth: AuthContext,
    @Body() body: UpdateAccountDto,
  ): Promise<SessionUser> {
    return this.account.update(auth, body);
  }

  @Post('password')
  @RequirePermission('authenticated')
  @HttpCode(204)
  async changePassword(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ChangePasswordDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.account.changePassword(
      auth,
      body.currentPassword,
      body.newPassword,
      meta,
    );
  }

  /** Open during enrolment: firm staff set up two-factor before anything else. */
  @Post('totp/setup')
  @RequirePermission('authenticated', { allowPendingTotp: true })
  @HttpCode(200)
  setupTotp(@CurrentAuth() auth: AuthContext): Promise<TotpSetupResponse> {
    return this.account.startTotp(auth);
  }

  @Post('totp/enable')
  @RequirePermission('authenticated', { allowPendingTotp: true })
  @HttpCode(200)
  async enableTotp(
    @CurrentAuth() auth: AuthContext,
    @Body() body: TotpEnableDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<RecoveryCodesResponse> {
    return {
      recoveryCodes: await this.account.enableTotp(auth, body.code, meta),
    };
  }

  @Post('totp/disable')
  @RequirePermission('authenticated')
  @HttpCode(204)
  async disableTotp(
    @CurrentAuth() auth: AuthContext,
    @Body() body: TotpDisableDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.account.disableTotp(auth, body.password, meta);
  }

  @Post('totp/recovery-codes')
  @RequirePermission('authenticated')
  @HttpCode(200)
  async recoveryCodes(
    @CurrentAuth() auth: AuthContext,
  ): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.account.newRecoveryCodes(auth) };
  }
}
