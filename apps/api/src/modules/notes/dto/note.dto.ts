import {
  CreateNoteRequest,
  MAX_PAGE_SIZE,
  NOTE_MAX_LENGTH,
  NOTE_VISIBILITIES,
  NoteListQuery,
  NoteVisibility,
  UpdateNoteRequest,
} from '@moisson/contract';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const VISIBILITY_MESSAGE = `visibility must be one of: ${NOTE_VISIBILITIES.join(', ')}`;

export class CreateNoteDto implements CreateNoteRequest {
  @Transform(trim)
  @IsString({ message: 'body must be the text of the note' })
  @IsNotEmpty({ message: 'body is required' })
  @MaxLength(NOTE_MAX_LENGTH, {
    message: `body must be at most ${NOTE_MAX_LENGTH} characters`,
  })
  body!: string;

  @IsIn(NOTE_VISIBILITIES, { message: VISIBILITY_MESSAGE })
  visibility!: NoteVisibility;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'dossierId must be a dossier id' })
  dossierId?: string | null;
}

export class UpdateNoteDto implements UpdateNoteRequest {
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'body must be the text of the note' })
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(NOTE_MAX_LENGTH, {
    message: `body must be at most ${NOTE_MAX_LENGTH} characters`,
  })
  body?: string;

  @IsOptional()
  @IsIn(NOTE_VISIBILITIES, { message: VISIBILITY_MESSAGE })
  visibility?: NoteVisibility;
}

export class NoteListQueryDto implements NoteListQuery {
  @IsOptional()
  @Matches(
    /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
    { message: 'dossierId must be a dossier id, or none' },
  )
  dossierId?: string;

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
