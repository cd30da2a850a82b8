import { AUDIT_ACTIONS, AuditAction } from '@moisson/contract';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class AuditQueryDto {
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, {
    message: `action must be one of: ${AUDIT_ACTIONS.join(', ')}`,
  })
  action?: AuditAction;

  @IsOptional()
  @IsUUID('all', { message: 'employerId must be an employer id' })
  employerId?: string;

  @IsOptional()
  @IsEmail({}, { message: 'actorEmail must be an e-mail address' })
  actorEmail?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
