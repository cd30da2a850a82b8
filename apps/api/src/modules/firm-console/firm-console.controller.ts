import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AgendaItem,
  API_ERROR_CODES,
  CALENDAR_MAX_ITEMS,
  CALENDAR_MAX_RANGE_DAYS,
  CalendarRangeResponse,
  EmployerOverviewPage,
  Page,
} from '@moisson/contract';
import { addDays, CalendarDate, daysBetween } from '@moisson/domain';
import { AuthContext, CurrentAuth } from '../../core/auth/auth-context';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { ApiException } from '../../core/http/api-exception';
import { todayInParis } from '../dossiers/common/paris-today';
import { AgendaService } from './agenda.service';
import { AgendaQueryDto, CalendarRangeQueryDto } from './dto/agenda-query.dto';
import { EmployerOverviewQueryDto } from './dto/employer-overview-query.dto';
import { EmployerOverviewService } from './employer-overview.service';

/** The deadlines list covers at most this many days. */
const AGENDA_MAX_RANGE_DAYS = 366;
/** The deadlines list's default span from `from`. */
const AGENDA_DEFAULT_DAYS = 90;

/** The firm's console: every employer at a glance, and the deadlines and appointments of all. */
@ApiTags('firm console')
@Controller('firm')
export class FirmConsoleController {
  constructor(
    private readonly overview: EmployerOverviewService,
    private readonly agenda: AgendaService,
  ) {}

  @Get('employers')
  @RequirePermission('firm.console')
  employers(
    @CurrentAuth() auth: AuthContext,
    @Query() query: EmployerOverviewQueryDto,
  ): Promise<EmployerOverviewPage> {
    return this.overview.overview(auth.user.id, query, todayInParis());
  }

  @Get('deadlines')
  @RequirePermission('firm.console')
  deadlines(@Query() query: AgendaQueryDto): Promise<Page<AgendaItem>> {
    const today = todayInParis();
    const from = query.from ?? today;
    const to = query.to ?? addDays(from, AGENDA_DEFAULT_DAYS);
    checkRange(from, to, AGENDA_MAX_RANGE_DAYS);
    return this.agenda.page(
      { kind: 'all' },
      { kinds: query.kind, employerId: query.employerId },
      { from, to },
      { cursor: query.cursor, limit: query.limit },
      today,
    );
  }

  @Get('calendar')
  @RequirePermission('firm.console')
  async calendar(
    @Query() query: CalendarRangeQueryDto,
  ): Promise<CalendarRangeResponse> {
    checkRange(query.from, query.to, CALENDAR_MAX_RANGE_DAYS);
    const { items, truncated } = await this.agenda.range(
      { kind: 'all' },
      { kinds: query.kind, employerId: query.employerId },
      { from: query.from, to: query.to },
      todayInParis(),
      CALENDAR_MAX_ITEMS,
    );
    return { from: query.from, to: query.to, items, truncated };
  }
}

/** `to` on or after `from`, at most `maxDays` later; a 400 naming the fields otherwise. */
function checkRange(from: CalendarDate, to: CalendarDate, maxDays: number) {
  const span = daysBetween(from, to);
  if (span < 0 || span > maxDays)
    throw new ApiException(
      400,
      API_ERROR_CODES.BAD_REQUEST,
      {
        fr: `La période doit aller du ${from} à une date postérieure d'au plus ${maxDays} jours (reçu : au ${to}).`,
        en: `The range must run from ${from} to a date at most ${maxDays} days later (got: to ${to}).`,
      },
      [
        {
          field: 'to',
          message: {
            fr: `« to » doit être entre « from » et « from » + ${maxDays} jours.`,
            en: `to must be between from and from + ${maxDays} days.`,
          },
        },
      ],
    );
}
