import { PASSWORD_MAX_LENGTH } from '@moisson/contract';
import type {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  Locale,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  TotpDisableRequest,
  TotpEnableRequest,
  TotpLoginRequest,
  UpdateAccountRequest,
} from '@moisson/contract';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class LoginDto implements LoginRequest {
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class TotpLoginDto implements TotpLoginRequest {
  @Transform(trim)
  @IsString()
  @Matches(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, {
    message:
      'code must be the 6 digits of your authenticator app, or a recovery code like abcde-fghij',
  })
  code!: string;
}

export class TotpEnableDto implements TotpEnableRequest {
  @Transform(trim)
  @Matches(/^\d{6}$/, {
    message: 'code must be the 6 digits shown by your authenticator app',
  })
  code!: string;
}

export class TotpDisableDto implements TotpDisableRequest {
  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString()
  @IsNotEmpty({ message: 'currentPassword is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @IsString()
  @IsNotEmpty({ message: 'newPassword is required' })
  newPassword!: string;
}

export class UpdateAccountDto implements UpdateAccountRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'fullName must not be empty' })
  @MaxLength(120)
  fullName?: string;

  @IsOptional()
  @IsIn(['fr', 'en'], { message: 'locale must be fr or en' })
  locale?: Locale;
}

export class PasswordResetDto implements PasswordResetRequest {
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,128}$/, {
    message: 'token is not a valid reset token: use the link from the e-mail',
  })
  token!: string;

  @IsString()
  @IsNotEmpty({ message: 'newPassword is required' })
  newPassword!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'fullName is required' })
  @MaxLength(120)
  fullName!: string;

  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  password!: string;

  @IsOptional()
  @IsIn(['fr', 'en'], { message: 'locale must be fr or en' })
  locale?: Locale;
}
