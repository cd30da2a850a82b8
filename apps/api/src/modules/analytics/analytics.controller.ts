import {
  Controller,
  Get,
  Header,
  Param,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ANALYTICS_CSV_NAMES,
  AnalyticsCsvName,
  AnalyticsFilters,
  API_ERROR_CODES,
  AppealOutcomeResponse,
  ConvocationDelayResponse,
  ReturningWorkersResponse,
  SeasonFunnelResponse,
  VisaRefusalResponse,
} from '@moisson/contract';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { ApiException } from '../../core/http/api-exception';
import { todayInParis } from '../dossiers/common/paris-today';
import { analyticsCsv } from './analytics-csv';
import { AnalyticsService } from './analytics.service';
import { AnalyticsFiltersDto } from './dto/analytics-filters.dto';

/** The firm's analytics: JSON for the charts, and each chart's data as CSV. */
@ApiTags('analytics')
@Controller('firm/analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('convocation-delays')
  @RequirePermission('firm.console')
  convocationDelays(
    @Query() f: AnalyticsFiltersDto,
  ): Promise<ConvocationDelayResponse> {
    return this.analytics.convocationDelays(plain(f));
  }

  @Get('visa-refusals')
  @RequirePermission('firm.console')
  visaRefusals(@Query() f: AnalyticsFiltersDto): Promise<VisaRefusalResponse> {
    return this.analytics.visaRefusals(plain(f));
  }

  @Get('appeal-outcomes')
  @RequirePermission('firm.console')
  appealOutcomes(
    @Query() f: AnalyticsFiltersDto,
  ): Promise<AppealOutcomeResponse> {
    return this.analytics.appealOutcomes(plain(f));
  }

  @Get('season-funnel')
  @RequirePermission('firm.console')
  seasonFunnel(@Query() f: AnalyticsFiltersDto): Promise<SeasonFunnelResponse> {
    return this.analytics.seasonFunnel(plain(f));
  }

  @Get('returning-workers')
  @RequirePermission('firm.console')
  returningWorkers(
    @Query() f: AnalyticsFiltersDto,
  ): Promise<ReturningWorkersResponse> {
    return this.analytics.returningWorkers(plain(f));
  }

  /** GET /api/firm/analytics/<name>.csv: the chart's data for French Excel. */
  @Get(':file')
  @RequirePermission('firm.console')
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async csv(
    @Param('file') file: string,
    @Query() f: AnalyticsFiltersDto,
  ): Promise<StreamableFile> {
    const name = file.replace(/\.csv$/, '') as AnalyticsCsvName;
    if (!file.endsWith('.csv') || !ANALYTICS_CSV_NAMES.includes(name))
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucun export nommé « ${file} » : choisissez ${ANALYTICS_CSV_NAMES.map((x) => `${x}.csv`).join(', ')}.`,
        en: `No export named "${file}": choose ${ANALYTICS_CSV_NAMES.map((x) => `${x}.csv`).join(', ')}.`,
      });
    const filters = plain(f);
    const text = await this.render(name, filters);
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}-${todayInParis()}.csv"`,
    });
  }

  private async render(
    name: AnalyticsCsvName,
    f: AnalyticsFilters,
  ): Promise<string> {
    switch (name) {
      case 'convocation-delays':
        return analyticsCsv(name, await this.analytics.convocationDelays(f));
      case 'visa-refusals-by-consulate':
      case 'visa-refusals-by-ground':
        return analyticsCsv(name, await this.analytics.visaRefusals(f));
      case 'appeal-outcomes':
        return analyticsCsv(name, await this.analytics.appealOutcomes(f));
      case 'season-funnel':
        return analyticsCsv(name, await this.analytics.seasonFunnel(f));
      case 'returning-workers':
        return analyticsCsv(name, await this.analytics.returningWorkers(f));
    }
  }
}

/** The filters given, without the keys left undefined (echoed back in every answer). */
function plain(f: AnalyticsFiltersDto): AnalyticsFilters {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined),
  ) as AnalyticsFilters;
}
