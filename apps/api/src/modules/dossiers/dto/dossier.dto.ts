import {
  CONTRACT_TYPES,
  ContractType,
  CreateDossierRequest,
  RehireRequest,
} from '@moisson/contract';
import { OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.validator';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;

export class CreateDossierDto implements CreateDossierRequest {
  @IsUUID('all', { message: 'workerId must be the id of one of your workers' })
  workerId!: string;

  @IsOptional()
  @IsUUID('all', {
    message: 'campaignId must be the id of one of your campaigns',
  })
  campaignId?: string | null;

  @IsOptional()
  @IsInt({ message: 'season must be a year, e.g. 2027' })
  @Min(2000, { message: 'season must be a year between 2000 and 2100' })
  @Max(2100, { message: 'season must be a year between 2000 and 2100' })
  season?: number;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'jobTitle is required, e.g. "Ouvrier viticole"' })
  @MaxLength(120)
  jobTitle!: string;

  @IsIn(CONTRACT_TYPES, {
    message: `contractType must be one of: ${CONTRACT_TYPES.join(', ')}`,
  })
  contractType!: ContractType;

  @IsOptional()
  @IsBoolean({ message: 'shortageOccupation must be true or false' })
  shortageOccupation?: boolean;

  @IsCalendarDate()
  plannedStart!: string;

  @IsCalendarDate()
  plannedEnd!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  ofiiOffice?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  consulate?: string | null;
}

/** Planning fields only; null only clears the campaign and the offices. */
export class UpdateDossierDto extends PartialType(
  OmitType(CreateDossierDto, ['workerId', 'season'] as const),
  { skipNullProperties: false },
) {}

export class RehireDto implements RehireRequest {
  @IsOptional()
  @IsUUID('all', {
    message: 'campaignId must be the id of one of your campaigns',
  })
  campaignId?: string | null;

  @IsOptional()
  @IsCalendarDate()
  plannedStart?: string;

  @IsOptional()
  @IsCalendarDate()
  plannedEnd?: string;
}
