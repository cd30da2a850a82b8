import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  isFirmRole,
  SessionUser,
  TotpSetupResponse,
  UpdateAccountRequest,
} from '@moisson/contract';
import { Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { MailService } from '../../core/mail/mail.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/services/auth.service';
import { PasswordService } from '../auth/services/password.service';
import { SessionService } from '../auth/services/session.service';
import { TotpService } from '../auth/services/totp.service';
import { UserEntity } from '../users/entities/user.entity';
import { toSessionUser } from '../users/user.mapper';

const CURRENT_PASSWORD_WRONG = {
  fr: 'Le mot de passe actuel est incorrect.',
  en: 'The current password is wrong.',
};

/** What a signed-in person changes about their own account: name, language, password, two-factor. */
@Injectable()
export class AccountService {
  constructor(
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly totp: TotpService,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  async update(
    auth: AuthContext,
    change: UpdateAccountRequest,
  ): Promise<SessionUser> {
    await this.users.update({ id: auth.user.id }, { ...change });
    return toSessionUser({ ...auth.user, ...change } as UserEntity);
  }

  /** Ends every other session of the user and tells them by e-mail. */
  async changePassword(
    auth: AuthContext,
    current: string,
    next: string,
    meta: RequestMeta,
  ): Promise<void> {
    if (!(await this.passwords.verify(auth.user.passwordHash, current))) {
      throw new ApiException(
        400,
        API_ERROR_CODES.VALIDATION_FAILED,
        CURRENT_PASSWORD_WRONG,
        [
          {
            field: 'currentPassword',
            message: CURRENT_PASSWORD_WRONG,
          },
        ],
      );
    }
    this.passwords.assertAcceptable(next, auth.user.email, 'newPassword');
    await this.users.update(
      { id: auth.user.id },
      { passwordHash: await this.passwords.hash(next) },
    );
    await this.sessions.revokeAllForUser(auth.user.id, auth.session.id);
    await this.audit.record({
      action: 'auth.password_changed',
      actor: auth.user,
      employerId: auth.user.employerId,
      ip: meta.ip,
    });
    await this.mail.send({
      template: 'password-changed',
      to: auth.user.email,
      locale: auth.user.locale,
      data: { changedAt: new Date().toISOString(), ip: meta.ip ?? 'unknown' },
    });
  }

  async startTotp(auth: AuthContext): Promise<TotpSetupResponse> {
    if (auth.user.totpEnabledAt) {
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: "La double authentification est déjà activée. Désactivez-la d'abord pour changer d'appareil.",
        en: 'Two-factor is already on. Turn it off first to change the device.',
      });
    }
    return this.totp.startEnrolment(auth.user);
  }

  /** Confirms enrolment with a first code; the session then counts as fully signed in. */
  async enableTotp(
    auth: AuthContext,
    code: string,
    meta: RequestMeta,
  ): Promise<string[]> {
    const user = await this.users.findOneByOrFail({ id: auth.user.id });
    if (user.totpEnabledAt)
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: 'La double authentification est déjà activée.',
        en: 'Two-factor is already on.',
      });
    if (!user.totpSecret)
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: "Lancez d'abord la configuration pour obtenir un QR code.",
        en: 'Start the set-up first to get a QR code.',
      });
    if (!(await this.totp.verifyCode(user, code))) {
      throw new ApiException(
        400,
        API_ERROR_CODES.VALIDATION_FAILED,
        {
          fr: "Ce code est incorrect : vérifiez l'heure de votre téléphone et essayez le code actuel.",
          en: 'This code is wrong: check the time of your phone and try the current code.',
        },
        [
          {
            field: 'code',
            message: { fr: 'Code incorrect.', en: 'Wrong code.' },
          },
        ],
      );
    }
    const codes = await this.totp.enable(user);
    await this.audit.record({
      action: 'auth.totp_enabled',
      actor: user,
      employerId: user.employerId,
      ip: meta.ip,
    });
    if (!auth.session.totpPassed) {
      await this.sessions.markTotpPassed(auth.session.id);
      await this.auth.signedIn(user, meta, 'totp_enrolment');
    }
    return codes;
  }

  async disableTotp(
    auth: AuthContext,
    password: string,
    meta: RequestMeta,
  ): Promise<void> {
    if (isFirmRole(auth.user.role)) {
      throw new ApiException(403, API_ERROR_CODES.FORBIDDEN, {
        fr: 'La double authentification est obligatoire pour les membres du cabinet.',
        en: 'Two-factor authentication is mandatory for firm staff.',
      });
    }
    if (!(await this.passwords.verify(auth.user.passwordHash, password))) {
      throw new ApiException(
        400,
        API_ERROR_CODES.VALIDATION_FAILED,
        {
          fr: 'Le mot de passe est incorrect.',
          en: 'The password is wrong.',
        },
        [
          {
            field: 'password',
            message: { fr: 'Mot de passe incorrect.', en: 'Wrong password.' },
          },
        ],
      );
    }
    await this.totp.disable(auth.user.id);
    await this.audit.record({
      action: 'auth.totp_disabled',
      actor: auth.user,
      employerId: auth.user.employerId,
      ip: meta.ip,
    });
  }

  async newRecoveryCodes(auth: AuthContext): Promise<string[]> {
    if (!auth.user.totpEnabledAt)
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: "Activez d'abord la double authentification.",
        en: 'Turn two-factor on first.',
      });
    return this.totp.replaceRecoveryCodes(auth.user.id);
  }
}
