import {
  CALENDAR_FEED_SCOPES,
  CalendarFeedScope,
  CreateCalendarFeedRequest,
} from '@moisson/contract';
import { IsIn, IsOptional } from 'class-validator';

/** POST /api/account/calendar-feed */
export class CreateCalendarFeedDto implements CreateCalendarFeedRequest {
  @IsOptional()
  @IsIn(CALENDAR_FEED_SCOPES, {
    message: `scope must be one of: ${CALENDAR_FEED_SCOPES.join(', ')}`,
  })
  scope?: CalendarFeedScope;
}
