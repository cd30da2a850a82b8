import {
  EMPLOYER_ROLES,
  EmployerRole,
  FIRM_ROLES,
  FirmRole,
  InviteEmployerUserRequest,
  InviteStaffRequest,
  Locale,
  UpdateUserRequest,
  USER_ROLES,
  UserRole,
} from '@moisson/contract';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  MaxLength,
} from 'class-validator';

const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class InviteEmployerUserDto implements InviteEmployerUserRequest {
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsIn(EMPLOYER_ROLES, {
    message: `role must be one of: ${EMPLOYER_ROLES.join(', ')}`,
  })
  role!: EmployerRole;

  @IsOptional()
  @IsIn(['fr', 'en'], { message: 'locale must be fr or en' })
  locale?: Locale;
}

export class InviteStaffDto implements InviteStaffRequest {
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsIn(FIRM_ROLES, {
    message: `role must be one of: ${FIRM_ROLES.join(', ')}`,
  })
  role!: FirmRole;

  @IsOptional()
  @IsIn(['fr', 'en'], { message: 'locale must be fr or en' })
  locale?: Locale;
}

export class UpdateUserDto implements UpdateUserRequest {
  @IsOptional()
  @IsIn(USER_ROLES, {
    message: `role must be one of: ${USER_ROLES.join(', ')}`,
  })
  role?: UserRole;

  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
