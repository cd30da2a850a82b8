import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  DossierReminderHistory,
  NotificationsResponse,
  ReminderSettingsResponse,
} from '@moisson/contract';
import { AuthContext, CurrentAuth } from '../../core/auth/auth-context';
import { AccessibleEmployer } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import {
  NotificationsQueryDto,
  UpdateReminderSettingsDto,
} from './dto/reminders.dto';
import { ReminderOutboxService } from './reminder-outbox.service';
import { ReminderSettingsService } from './reminder-settings.service';
import type { EmployerEntity } from '../employers/entities/employer.entity';

/** The signed-in user's notifications, an employer's settings, a dossier's reminder history. */
@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(
    private readonly outbox: ReminderOutboxService,
    private readonly settings: ReminderSettingsService,
  ) {}

  @Get('notifications')
  @RequirePermission('authenticated')
  notifications(
    @CurrentAuth() auth: AuthContext,
    @Query() query: NotificationsQueryDto,
  ): Promise<NotificationsResponse> {
    return this.outbox.notifications(auth, query.status, query.limit);
  }

  @Get('employers/:employerId/reminder-settings')
  @RequirePermission('employer.read')
  async getSettings(
    @AccessibleEmployer() employer: EmployerEntity,
  ): Promise<ReminderSettingsResponse> {
    return this.settings.get(employer.id);
  }

  @Put('employers/:employerId/reminder-settings')
  @RequirePermission('employer.reminders.settings')
  async putSettings(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Body() body: UpdateReminderSettingsDto,
  ): Promise<ReminderSettingsResponse> {
    return this.settings.update(auth, employer.id, body);
  }

  @Get('employers/:employerId/dossiers/:dossierId/reminders')
  @RequirePermission('employer.read')
  async history(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Param('dossierId', IdPipe) dossierId: string,
  ): Promise<DossierReminderHistory> {
    return this.outbox.history(auth, employer.id, dossierId);
  }
}
