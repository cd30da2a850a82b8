import {
  AGENDA_ITEM_KINDS,
  AgendaItemKind,
  AgendaQuery,
  CalendarRangeQuery,
  MAX_PAGE_SIZE,
} from '@moisson/contract';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../dossiers/common/calendar-date.validator';

/** `a,b` or `?x=a&x=b` -> ['a', 'b']. */
const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');

class AgendaFiltersDto {
  @IsOptional()
  @Transform(list)
  @IsIn(AGENDA_ITEM_KINDS, {
    each: true,
    message: `kind must be kinds separated by commas: ${AGENDA_ITEM_KINDS.join(', ')}`,
  })
  kind?: AgendaItemKind[];

  @IsOptional()
  @IsUUID('all', { message: 'employerId must be an employer id' })
  employerId?: string;
}

/** GET /api/firm/deadlines */
export class AgendaQueryDto
  extends AgendaFiltersDto
  implements Omit<AgendaQuery, 'kind'>
{
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

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

/** GET /api/firm/calendar */
export class CalendarRangeQueryDto
  extends AgendaFiltersDto
  implements Omit<CalendarRangeQuery, 'kind'>
{
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;
}
