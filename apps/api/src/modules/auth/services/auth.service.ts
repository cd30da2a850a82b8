import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { API_ERROR_CODES, SessionResponse } from '@moisson/contract';
import { Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../../core/auth/auth-context';
import { ApiException } from '../../../core/http/api-exception';
import { AuditService } from '../../audit/audit.service';
import { UserEntity } from '../../users/entities/user.entity';
import { needsTotp, toSessionResponse } from '../../users/user.mapper';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { TotpService } from './totp.service';

const WRONG_CREDENTIALS = {
  fr: "L'adresse e-mail ou le mot de passe est incorrect.",
  en: 'The e-mail address or the password is wrong.',
};

/** Sign-in with a password, then the two-factor step when it applies; sign-out. */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
  ) {}

  async login(
    email: string,
    password: string,
    meta: RequestMeta,
    previous?: AuthContext,
  ): Promise<{ token: string; response: SessionResponse }> {
    await this.throttle.assertAllowed(email, meta.ip);
    const user = await this.users.findOne({
      where: { email },
      relations: { employer: true },
    });
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) {
      await this.fail(email, meta, user ?? null, 'auth.sign_in_failed');
      throw new ApiException(
        401,
        API_ERROR_CODES.UNAUTHENTICATED,
        WRONG_CREDENTIALS,
      );
    }
    if (user.disabledAt) {
      await this.audit.record({
        action: 'auth.sign_in_failed',
        actor: user,
        employerId: user.employerId,
        ip: meta.ip,
        details: { reason: 'disabled' },
      });
      throw new ApiException(401, API_ERROR_CODES.ACCOUNT_DISABLED, {
        fr: 'Ce compte est désactivé : adressez-vous à votre administrateur.',
        en: 'This account is disabled: ask your administrator.',
      });
    }
    await this.throttle.clearAccount(email);
    if (previous) await this.sessions.revoke(previous.session.id); // a new session id at every sign-in
    const totpPassed = !needsTotp(user);
    const { token, session } = await this.sessions.create(
      user,
      meta,
      totpPassed,
    );
    if (totpPassed) await this.signedIn(user, meta, 'password');
    return {
      token,
      response: toSessionResponse(
        user,
        session,
        this.sessions.idleExpiry(session),
      ),
    };
  }

  /** The second step: a TOTP code or a single-use recovery code. Failures count like password failures. */
  async loginTotp(
    auth: AuthContext,
    code: string,
    meta: RequestMeta,
  ): Promise<SessionResponse> {
    const { user, session } = auth;
    if (session.totpPassed)
      return toSessionResponse(
        user,
        session,
        this.sessions.idleExpiry(session),
      );
    if (!user.totpEnabledAt) {
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: "La double authentification n'est pas encore configurée : configurez-la d'abord.",
        en: 'Two-factor is not set up yet: set it up first.',
      });
    }
    await this.throttle.assertAllowed(user.email, meta.ip);
    const isTotp = /^\d{6}$/.test(code);
    const ok = isTotp
      ? await this.totp.verifyCode(user, code)
      : await this.totp.useRecoveryCode(user.id, code);
    if (!ok) {
      await this.fail(user.email, meta, user, 'auth.totp_failed');
      throw new ApiException(401, API_ERROR_CODES.UNAUTHENTICATED, {
        fr: 'Ce code est incorrect ou a déjà été utilisé. Essayez le code actuel.',
        en: 'This code is wrong or was already used. Try the current code.',
      });
    }
    await this.throttle.clearAccount(user.email);
    await this.sessions.markTotpPassed(session.id);
    if (!isTotp) {
      await this.audit.record({
        action: 'auth.recovery_code_used',
        actor: user,
        employerId: user.employerId,
        ip: meta.ip,
      });
    }
    await this.signedIn(user, meta, isTotp ? 'totp' : 'recovery_code');
    return toSessionResponse(
      user,
      { ...session, totpPassed: true },
      this.sessions.idleExpiry(session),
    );
  }

  async logout(auth: AuthContext, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(auth.session.id);
    await this.audit.record({
      action: 'auth.sign_out',
      actor: auth.user,
      employerId: auth.user.employerId,
      ip: meta.ip,
    });
  }

  session(auth: AuthContext): SessionResponse {
    return toSessionResponse(
      auth.user,
      auth.session,
      this.sessions.idleExpiry(auth.session),
    );
  }

  async signedIn(
    user: UserEntity,
    meta: RequestMeta,
    method: string,
  ): Promise<void> {
    await this.users.update({ id: user.id }, { lastSignInAt: new Date() });
    await this.audit.record({
      action: 'auth.sign_in',
      actor: user,
      employerId: user.employerId,
      ip: meta.ip,
      details: { method },
    });
  }

  private async fail(
    email: string,
    meta: RequestMeta,
    user: UserEntity | null,
    action: 'auth.sign_in_failed' | 'auth.totp_failed',
  ): Promise<void> {
    const locked = await this.throttle.recordFailure(email, meta.ip);
    const actor = { id: user?.id ?? null, email };
    await this.audit.record({
      action,
      actor,
      employerId: user?.employerId ?? null,
      ip: meta.ip,
    });
    if (locked) {
      await this.audit.record({
        action: 'auth.locked_out',
        actor,
        employerId: user?.employerId ?? null,
        ip: meta.ip,
      });
    }
  }
}
