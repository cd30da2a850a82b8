import { CreateCampaignRequest } from '@moisson/contract';
import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;
const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

export class CreateCampaignDto implements CreateCampaignRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name is required, e.g. "Vendanges 2027"' })
  @MaxLength(120)
  name!: string;

  @IsInt({ message: 'season must be a year, e.g. 2027' })
  @Min(2000, { message: 'season must be a year between 2000 and 2100' })
  @Max(2100, { message: 'season must be a year between 2000 and 2100' })
  season!: number;

  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

/** Every field optional; null only clears the notes. */
export class UpdateCampaignDto extends PartialType(CreateCampaignDto, {
  skipNullProperties: false,
}) {}
