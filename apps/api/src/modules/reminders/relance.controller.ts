import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RelanceView } from '@moisson/contract';
import { AuthContext, OptionalAuth } from '../../core/auth/auth-context';
import { Public } from '../../core/auth/route-access.decorator';
import { Clock } from '../../core/clock/clock';
import { RelanceService } from './relance.service';

/**
 * The signed link of an OFII follow-up, opened from the employer's digest. GET only shows what
 * confirming records; POST records "relance envoyée" on each listed dossier, once.
 */
@ApiTags('reminders')
@Controller('relance')
export class RelanceController {
  constructor(
    private readonly relances: RelanceService,
    private readonly clock: Clock,
  ) {}

  @Get(':token')
  @Public()
  view(@Param('token') token: string): Promise<RelanceView> {
    return this.relances.view(token, this.clock.now());
  }

  @Post(':token')
  @HttpCode(200)
  @Public()
  confirm(
    @Param('token') token: string,
    @OptionalAuth() auth: AuthContext | undefined,
  ): Promise<RelanceView> {
    return this.relances.confirm(
      token,
      auth
        ? { id: auth.user.id, name: auth.user.fullName }
        : { id: null, name: null },
      this.clock.now(),
    );
  }
}
