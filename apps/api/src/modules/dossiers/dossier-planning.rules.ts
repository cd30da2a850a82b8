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
      {
        fr: `La fin prévue (${formatFrenchDate(p.plannedEnd)}) précède le début prévu (${formatFrenchDate(p.plannedStart)}) : la fin doit être le jour du début ou après.`,
        en: `plannedEnd (${formatFrenchDate(p.plannedEnd)}) is before plannedStart (${formatFrenchDate(p.plannedStart)}): the end must be on or after the start.`,
      },
      [
        {
          field: 'plannedEnd',
          message: {
            fr: 'La fin prévue précède le début prévu.',
            en: 'The planned end is before the planned start.',
          },
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
      {
        fr: `Fin prévue : un contrat saisonnier dure au plus ${SEASONAL_STAY_MAX_MONTHS} mois, il doit donc se terminer le ${formatFrenchDate(longest)} au plus tard.`,
        en: `plannedEnd: a seasonal contract lasts at most ${SEASONAL_STAY_MAX_MONTHS} months, so it must end on ${formatFrenchDate(longest)} at the latest.`,
      },
      [
        {
          field: 'plannedEnd',
          message: {
            fr: `Un contrat saisonnier dure au plus ${SEASONAL_STAY_MAX_MONTHS} mois.`,
            en: `A seasonal contract lasts at most ${SEASONAL_STAY_MAX_MONTHS} months.`,
          },
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
      {
        fr: `La campagne « ${campaign.name} » concerne la saison ${campaign.season}, et non ${season} : choisissez une campagne de la saison ${season}.`,
        en: `The campaign "${campaign.name}" is for season ${campaign.season}, not ${season}: choose a campaign of season ${season}.`,
      },
      [
        {
          field: 'campaignId',
          message: {
            fr: `La campagne concerne la saison ${campaign.season}.`,
            en: `The campaign is for season ${campaign.season}.`,
          },
        },
      ],
    );
  }
}
