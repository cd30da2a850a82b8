import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const bool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** GET .../documents?includeDeleted=true (firm staff; ignored for an employer's users). */
export class DocumentListQueryDto {
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'includeDeleted must be true or false' })
  includeDeleted?: boolean;
}
