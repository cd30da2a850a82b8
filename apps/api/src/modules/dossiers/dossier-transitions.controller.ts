import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DossierDetail, GroupTransitionResponse } from '@moisson/contract';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { AccessibleEmployer } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { DossierTransitionsService } from './dossier-transitions.service';
import {
  DossierTransitionDto,
  GroupTransitionDto,
} from './dto/dossier-transition.dto';
import type { EmployerEntity } from '../employers/entities/employer.entity';

/**
 * State changes. A forbidden move, or data the step lacks or gets wrong, is a 422 UNPROCESSABLE whose
 * details name each rule and field (TransitionErrorDetail); nothing is written then.
 */
@ApiTags('dossiers')
@Controller('employers/:employerId/dossiers')
export class DossierTransitionsController {
  constructor(private readonly transitions: DossierTransitionsService) {}

  @Post(':dossierId/transitions')
  @RequirePermission('employer.dossiers.write')
  async transition(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('dossierId', IdPipe) dossierId: string,
    @Body() body: DossierTransitionDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<DossierDetail> {
    return this.transitions.transition(
      auth,
      meta,
      employer.id,
      dossierId,
      body.to,
      body.data,
    );
  }

  /** All or nothing: one dossier that cannot move leaves the whole group unchanged. */
  @Post('transitions')
  @RequirePermission('employer.dossiers.write')
  async transitionGroup(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Body() body: GroupTransitionDto,
  ): Promise<GroupTransitionResponse> {
    return this.transitions.transitionGroup(
      auth,
      employer.id,
      body.dossierIds,
      body.to,
      body.data,
    );
  }
}
