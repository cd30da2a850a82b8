import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { WorkerProbeResponse } from '@moisson/contract';
import { API_ERROR_CODES } from '@moisson/contract';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { ApiException } from '../../core/http/api-exception';
import { WorkerProbeService } from './worker-probe.service';

@ApiTags('system')
@Controller('system/worker-probes')
export class WorkerProbeController {
  constructor(private readonly probes: WorkerProbeService) {}

  @Post()
  @RequirePermission('authenticated')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: 'Probe recorded and queued; poll it until status is "done".',
  })
  create(): Promise<WorkerProbeResponse> {
    return this.probes.create();
  }

  @Get(':id')
  @RequirePermission('authenticated')
  @ApiOkResponse({
    description: 'The probe, "done" once the worker has processed it.',
  })
  @ApiNotFoundResponse({ description: 'No probe has this id.' })
  get(
    @Param(
      'id',
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
            fr: "L'identifiant de la sonde doit être un UUID, tel que renvoyé par POST.",
            en: 'The probe id must be a UUID, as returned by POST.',
          }),
      }),
    )
    id: string,
  ): Promise<WorkerProbeResponse> {
    return this.probes.get(id);
  }
}
