import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  Page,
  ReminderOutboxItem,
  SweepRequestedResponse,
} from '@moisson/contract';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { IdPipe } from '../employers/employers.controller';
import { ReminderOutboxQueryDto, SweepRequestDto } from './dto/reminders.dto';
import { ReminderOutboxService } from './reminder-outbox.service';

/** The firm's view of every reminder e-mail: the outbox, "send again", "run the sweep now". */
@ApiTags('reminders')
@Controller('firm/reminders')
export class FirmRemindersController {
  constructor(private readonly outbox: ReminderOutboxService) {}

  @Get('outbox')
  @RequirePermission('firm.reminders.outbox')
  list(
    @Query() query: ReminderOutboxQueryDto,
  ): Promise<Page<ReminderOutboxItem>> {
    return this.outbox.outbox(query);
  }

  @Post('outbox/:id/resend')
  @HttpCode(200)
  @RequirePermission('firm.reminders.outbox')
  resend(@Param('id', IdPipe) id: string): Promise<ReminderOutboxItem> {
    return this.outbox.resend(id);
  }

  @Post('sweep')
  @HttpCode(202)
  @RequirePermission('firm.reminders.sweep')
  sweep(@Body() body: SweepRequestDto): Promise<SweepRequestedResponse> {
    return this.outbox.requestSweep(body.sendDigestsNow ?? false);
  }
}
