import { AnalyticsFilters } from '@moisson/contract';
import { Transform, Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** ?season=&departement=&ofiiOffice=&employerId= of every analytics route. */
export class AnalyticsFiltersDto implements AnalyticsFilters {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'season must be a year, e.g. 2027' })
  @Min(2000, { message: 'season must be a year between 2000 and 2100' })
  @Max(2100, { message: 'season must be a year between 2000 and 2100' })
  season?: number;

  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, {
    message: 'departement must be a département code such as 47, 2A or 971',
  })
  departement?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(64)
  ofiiOffice?: string;

  @IsOptional()
  @IsUUID('all', { message: 'employerId must be an employer id' })
  employerId?: string;
}
