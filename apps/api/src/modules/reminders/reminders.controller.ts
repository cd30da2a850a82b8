import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  DossierReminderHistory,
  NotificationsResponse,
  ReminderSettingsResponse,
} from '@moisson/contract';
import { AccessService } from '../../core/auth/access.service';
import { AuthContext, CurrentAuth } from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import {
  NotificationsQueryDto,
  UpdateReminderSettingsDto,
} from './dto/reminders.dto';
import { ReminderOutboxService } from './reminder-outbox.service';
import { ReminderSettingsService } from './reminder-settings.service';

/** The signed-in user's notifications, an employer's settings, a dossier's reminder history. */
@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(
    private readonly outbox: ReminderOutboxService,
    private readonly settings: ReminderSettingsService,
    private readonly access: AccessService,
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
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
  ): Promise<ReminderSettingsResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.settings.get(employer.id);
  }

  @Put('employers/:employerId/reminder-settings')
  @RequirePermission('employer.reminders.settings')
  async putSettings(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Body() body: UpdateReminderSettingsDto,
  ): Promise<ReminderSettingsResponse> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.settings.update(auth, employer.id, body);
  }

  @Get('employers/:employerId/dossiers/:dossierId/reminders')
  @RequirePermission('employer.read')
  async history(
    @CurrentAuth() auth: AuthContext,
    @Param('employerId', IdPipe) employerId: string,
    @Param('dossierId', IdPipe) dossierId: string,
  ): Promise<DossierReminderHistory> {
    const employer = await this.access.requireEmployer(auth, employerId);
    return this.outbox.history(auth, employer.id, dossierId);
  }
}
