import { API_ERROR_CODES, ContractType } from '@moisson/contract';
import {
  addMonths,
  CalendarDate,
  compareCalendarDates,
  formatFrenchDate,
  SEASONAL_STAY_MAX_MONTHS,
} from '@moisson/domain';
import { ApiException } from '../../core/http/api-exception';
import type { CampaignEntity } from '../campaigns/entities/campaign.entity';

/**
 * The planning of a dossier: its end is not before its start, and a seasonal contract lasts at
 * most 6 months (a seasonal stay is at most 6 months in any 12). Each failure is a 422 naming the field.
 */
export function assertPlanning(p: {
  contractType: ContractType;
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
}): void {
  if (compareCalendarDates(p.plannedEnd, p.plannedStart) < 0) {
    throw new ApiException(
      422,
      API_ERROR_CODES.UNPROCESSABLE,
      `plannedEnd (${formatFrenchDate(p.plannedEnd)}) is before plannedStart (${formatFrenchDate(p.plannedStart)}): the end must be on or after the start.`,
      [
        {
          field: 'plannedEnd',
          message: 'The planned end is before the planned start.',
        },
      ],
    );
  }
  const longest = addMonths(p.plannedStart, SEASONAL_STAY_MAX_MONTHS);
  if (
    p.contractType === 'seasonal' &&
    compareCalendarDates(p.plannedEnd, longest) > 0
  ) {
    throw new ApiException(
      422,
      API_ERROR_CODES.UNPROCESSABLE,
      `plannedEnd: a seasonal contract lasts at most ${SEASONAL_STAY_MAX_MONTHS} months, so it must end on ${formatFrenchDate(longest)} at the latest.`,
      [
        {
          field: 'plannedEnd',
          message: `A seasonal contract lasts at most ${SEASONAL_STAY_MAX_MONTHS} months.`,
        },
      ],
    );
  }
}

/** A dossier of season N belongs to a campaign of season N. */
export function assertCampaignSeason(
  campaign: CampaignEntity,
  season: number,
): void {
  if (campaign.season !== season) {
    throw new ApiException(
      422,
      API_ERROR_CODES.UNPROCESSABLE,
      `The campaign "${campaign.name}" is for season ${campaign.season}, not ${season}: choose a campaign of season ${season}.`,
      [
        {
          field: 'campaignId',
          message: `The campaign is for season ${campaign.season}.`,
        },
      ],
    );
  }
}
