import { Injectable, PipeTransform } from '@nestjs/common';
import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from '../../core/http/api-exception';

/** A malformed token is answered like an unknown one: 404 with the same message. */
@Injectable()
export class InvitationTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{20,128}$/.test(value)) {
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: "Ce lien d'invitation n'est pas valide : vérifiez qu'il a été copié en entier.",
        en: 'This invitation link is not valid: check that it was copied whole.',
      });
    }
    return value;
  }
}
