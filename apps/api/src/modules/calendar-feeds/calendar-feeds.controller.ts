import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  API_ERROR_CODES,
  CalendarFeedSecret,
  CalendarFeedStatus,
} from '@moisson/contract';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import {
  Public,
  RequirePermission,
} from '../../core/auth/route-access.decorator';
import { ApiException } from '../../core/http/api-exception';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CreateCalendarFeedDto } from './dto/create-calendar-feed.dto';

/** The signed-in user's own ICS feed: create, rotate, revoke (any role). */
@ApiTags('calendar feeds')
@Controller('account/calendar-feed')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get()
  @RequirePermission('authenticated')
  status(@CurrentAuth() auth: AuthContext): Promise<CalendarFeedStatus> {
    return this.feeds.status(auth);
  }

  @Post()
  @RequirePermission('authenticated')
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CreateCalendarFeedDto,
    @ClientMeta() meta: RequestMeta,
  ): Promise<CalendarFeedSecret> {
    return this.feeds.create(auth, body.scope, meta);
  }

  @Post('rotate')
  @HttpCode(200)
  @RequirePermission('authenticated')
  rotate(
    @CurrentAuth() auth: AuthContext,
    @ClientMeta() meta: RequestMeta,
  ): Promise<CalendarFeedSecret> {
    return this.feeds.rotate(auth, meta);
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('authenticated')
  async revoke(
    @CurrentAuth() auth: AuthContext,
    @ClientMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.feeds.revoke(auth, meta);
  }
}

/** The feed itself, for calendar applications: the secret is the URL (no session, no cookie). */
@ApiTags('calendar feeds')
@Controller('calendar')
export class PublicCalendarController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':feed')
  @Public()
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="moisson.ics"')
  @Header('Cache-Control', 'private, no-cache')
  @Header('X-Robots-Tag', 'noindex')
  async ics(@Param('feed') feed: string): Promise<string> {
    const token = feed.endsWith('.ics') ? feed.slice(0, -4) : '';
    const text = await this.feeds.ics(token);
    if (text === null)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: "Ce calendrier n'existe pas ou son adresse a été révoquée.",
        en: 'This calendar does not exist or its address was revoked.',
      });
    return text;
  }
}
