import {
  EMPLOYER_OVERVIEW_SORTS,
  EmployerOverviewQuery,
  EmployerOverviewSort,
  MAX_PAGE_SIZE,
} from '@moisson/contract';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const bool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** GET /api/firm/employers (see EmployerOverviewQuery in the contract). */
export class EmployerOverviewQueryDto implements EmployerOverviewQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'deadlineWithinDays must be a whole number of days' })
  @Min(0, { message: 'deadlineWithinDays must be between 0 and 366' })
  @Max(366, { message: 'deadlineWithinDays must be between 0 and 366' })
  deadlineWithinDays?: number;

  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'assignedToMe must be true or false' })
  assignedToMe?: boolean;

  @IsOptional()
  @Matches(
    /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
    { message: 'assignedStaffId must be a staff member id, or none' },
  )
  assignedStaffId?: string;

  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, {
    message: 'departement must be a département code such as 47, 2A or 971',
  })
  departement?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  ofiiOffice?: string;

  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'unappealedRefusals must be true or false' })
  unappealedRefusals?: boolean;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(EMPLOYER_OVERVIEW_SORTS, {
    message: `sort must be one of: ${EMPLOYER_OVERVIEW_SORTS.join(', ')}`,
  })
  sort?: EmployerOverviewSort;

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
