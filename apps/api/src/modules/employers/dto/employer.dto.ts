import { CreateEmployerRequest, SECTORS, Sector } from '@moisson/contract';
import { validateSiret } from '@moisson/domain';
import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { encodeValidationMessage } from '../../../core/http/validation-messages';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const digits = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, '') : value;

/** A SIRET with 14 digits and a correct Luhn checksum; the message says which rule failed. */
function IsSiret(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSiret',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && validateSiret(value).valid,
        defaultMessage: (args) => {
          const result =
            typeof args?.value === 'string'
              ? validateSiret(args.value)
              : undefined;
          return result && !result.valid
            ? encodeValidationMessage({
                fr: `SIRET : ${result.message.fr}`,
                en: `siret: ${result.message.en}`,
              })
            : 'siret must be the 14 digits of the SIRET number';
        },
      },
    });
}

export class CreateEmployerDto implements CreateEmployerRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'legalName is required' })
  @MaxLength(200)
  legalName!: string;

  @Transform(digits)
  @IsSiret()
  siret!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'addressLine is required' })
  @MaxLength(300)
  addressLine!: string;

  @Transform(trim)
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits, e.g. 47000' })
  postalCode!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'city is required' })
  @MaxLength(120)
  city!: string;

  @Transform(({ value }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, {
    message:
      'departement must be a French département code such as 47, 13, 2B or 971',
  })
  departement!: string;

  @IsIn(SECTORS, { message: `sector must be one of: ${SECTORS.join(', ')}` })
  sector!: Sector;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  ofiiOffice?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  consulate?: string | null;

  @IsOptional()
  @IsUUID('all', {
    message: 'assignedStaffId must be the id of a firm staff member',
  })
  assignedStaffId?: string | null;
}

export class UpdateEmployerDto extends PartialType(CreateEmployerDto) {}

export class EmployerListQueryDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
