import {
  DossierTransitionRequest,
  GroupTransitionRequest,
  MAX_GROUP_TRANSITION_SIZE,
} from '@moisson/contract';
import { DOSSIER_STATES, DossierState } from '@moisson/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
} from 'class-validator';

const TO_MESSAGE = `to must be a dossier state: ${DOSSIER_STATES.join(', ')}`;

/** The data is checked by @moisson/domain (validateTransition), not here. */
export class DossierTransitionDto implements DossierTransitionRequest {
  @IsIn(DOSSIER_STATES, { message: TO_MESSAGE })
  to!: DossierState;

  @IsOptional()
  @IsObject({ message: 'data must be an object of the fields the step needs' })
  data?: Record<string, unknown>;
}

export class GroupTransitionDto implements GroupTransitionRequest {
  @IsArray({ message: 'dossierIds must be a list of dossier ids' })
  @ArrayMinSize(1, { message: 'dossierIds must name at least one dossier' })
  @ArrayMaxSize(MAX_GROUP_TRANSITION_SIZE, {
    message: `dossierIds may name at most ${MAX_GROUP_TRANSITION_SIZE} dossiers at once`,
  })
  @ArrayUnique({ message: 'dossierIds must not repeat a dossier' })
  @IsUUID('all', { each: true, message: 'each of dossierIds must be an id' })
  dossierIds!: string[];

  @IsIn(DOSSIER_STATES, { message: TO_MESSAGE })
  to!: DossierState;

  @IsOptional()
  @IsObject({ message: 'data must be an object of the fields the step needs' })
  data?: Record<string, unknown>;
}
