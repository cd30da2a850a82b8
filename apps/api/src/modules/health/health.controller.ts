import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthResponse } from '@moisson/contract';
import type { FastifyReply } from 'fastify';
import { Public } from '../../core/auth/route-access.decorator';
import { HealthService } from './health.service';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'API, PostgreSQL and Redis are all up.' })
  @ApiServiceUnavailableResponse({
    description: 'PostgreSQL or Redis is down; the body says which and why.',
  })
  async get(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthResponse> {
    const result = await this.health.check();
    reply
      .status(result.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store');
    return result;
  }
}
