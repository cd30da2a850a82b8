import {
  CreateWorkerRequest,
  MAX_PAGE_SIZE,
  PREFERRED_LANGUAGES,
  PreferredLanguage,
  WorkerListQuery,
} from '@moisson/contract';
import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../dossiers/common/calendar-date.validator';
import {
  normalisePassportNumber,
  PASSPORT_NUMBER_PATTERN,
} from '../passport-number';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const passport = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalisePassportNumber(value) : value;
const lowerOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() || null : value;
const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

export class CreateWorkerDto implements CreateWorkerRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'surname is required' })
  @MaxLength(100)
  surname!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'givenNames is required' })
  @MaxLength(150)
  givenNames!: string;

  @IsCalendarDate()
  birthDate!: string;

  @Transform(upper)
  @IsISO31661Alpha2({
    message:
      'nationality must be an ISO 3166 country code of 2 letters, e.g. MA (Morocco) or TN (Tunisia)',
  })
  nationality!: string;

  @Transform(passport)
  @IsString()
  @Matches(PASSPORT_NUMBER_PATTERN, {
    message:
      'passportNumber must be 5 to 20 letters and digits (spaces and dashes are ignored)',
  })
  passportNumber!: string;

  @IsCalendarDate()
  passportExpiry!: string;

  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,32}$/, {
    message: 'phone must be a phone number such as +212 6 12 34 56 78',
  })
  phone?: string | null;

  @IsOptional()
  @Transform(lowerOrNull)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsIn(PREFERRED_LANGUAGES, {
    message: `preferredLanguage must be one of: ${PREFERRED_LANGUAGES.join(', ')}`,
  })
  preferredLanguage?: PreferredLanguage;
}

/** Every field optional; null only clears phone and email. */
export class UpdateWorkerDto extends PartialType(CreateWorkerDto, {
  skipNullProperties: false,
}) {}

export class WorkerListQueryDto implements WorkerListQuery {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
