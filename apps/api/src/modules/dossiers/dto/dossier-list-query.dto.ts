import { DOSSIER_SORTS, DossierSort, MAX_PAGE_SIZE } from '@moisson/contract';
import {
  DOSSIER_STAGES,
  DOSSIER_STATES,
  DossierStage,
  DossierState,
} from '@moisson/domain';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** `a,b` or `?x=a&x=b` -> ['a', 'b']. */
const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');
const bool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** The filters of the dossier list and of its CSV export (see DossierListQuery in the contract). */
export class DossierFiltersDto {
  @IsOptional()
  @Transform(list)
  @IsIn(DOSSIER_STATES, {
    each: true,
    message: `state must be dossier states separated by commas: ${DOSSIER_STATES.join(', ')}`,
  })
  state?: DossierState[];

  @IsOptional()
  @Transform(list)
  @IsIn(DOSSIER_STAGES, {
    each: true,
    message: `stage must be stages separated by commas: ${DOSSIER_STAGES.join(', ')}`,
  })
  stage?: DossierStage[];

  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be a campaign id' })
  campaignId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'workerId must be a worker id' })
  workerId?: string;

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
  @Type(() => Number)
  @IsInt({ message: 'deadlineWithinDays must be a whole number of days' })
  @Min(0, { message: 'deadlineWithinDays must be between 0 and 366' })
  @Max(366, { message: 'deadlineWithinDays must be between 0 and 366' })
  deadlineWithinDays?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(DOSSIER_SORTS, {
    message: `sort must be one of: ${DOSSIER_SORTS.join(', ')}`,
  })
  sort?: DossierSort;
}

export class DossierListQueryDto extends DossierFiltersDto {
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
