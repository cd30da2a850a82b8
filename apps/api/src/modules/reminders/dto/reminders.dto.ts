import {
  Locale,
  REMINDER_OUTBOX_STATUSES,
  ReminderOutboxStatus,
} from '@moisson/contract';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

const STATUS_RULE = `status must be one of: ${REMINDER_OUTBOX_STATUSES.join(', ')}`;

/** PUT .../reminder-settings: shapes here; the bounds are the domain's (validateReminderSettings). */
export class UpdateReminderSettingsDto {
  @IsOptional()
  @IsInt({ message: 'convocationOverdueDays must be a whole number of days' })
  convocationOverdueDays?: number;

  @IsOptional()
  @IsInt({ message: 'convocationRepeatDays must be a whole number of days' })
  convocationRepeatDays?: number;

  @IsOptional()
  @IsIn(['fr', 'en'], { message: 'language must be fr or en' })
  language?: Locale;

  @IsOptional()
  @IsArray({ message: 'extraRecipients must be a list of e-mail addresses' })
  @IsString({
    each: true,
    message: 'extraRecipients must be a list of e-mail addresses',
  })
  extraRecipients?: string[];
}

export class NotificationsQueryDto {
  @IsOptional()
  @IsIn(REMINDER_OUTBOX_STATUSES, { message: STATUS_RULE })
  status?: ReminderOutboxStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;
}

export class ReminderOutboxQueryDto extends NotificationsQueryDto {
  @IsOptional()
  @IsUUID('all', { message: 'employerId must be an employer id' })
  employerId?: string;

  @IsOptional()
  @IsString()
  cursor?: string;
}

/** POST /api/firm/reminders/sweep */
export class SweepRequestDto {
  @IsOptional()
  @IsBoolean({ message: 'sendDigestsNow must be true or false' })
  sendDigestsNow?: boolean;
}
