import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { API_ERROR_CODES } from '@moisson/contract';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import type { RequestMeta } from '../../../core/auth/auth-context';
import { hashToken, newToken } from '../../../core/auth/tokens';
import { AppConfig } from '../../../core/config/app-config';
import { ApiException } from '../../../core/http/api-exception';
import { MailService } from '../../../core/mail/mail.service';
import { AuditService } from '../../audit/audit.service';
import { UserEntity } from '../../users/entities/user.entity';
import { PasswordResetEntity } from '../entities/password-reset.entity';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

export const RESET_VALID_MINUTES = 60;

/** "Forgotten password": an e-mailed single-use link valid one hour. */
const RESET_LINK_GONE = {
  fr: 'Ce lien de réinitialisation a expiré ou a déjà servi : demandez-en un nouveau.',
  en: 'This reset link has expired or was already used: ask for a new one.',
};

@Injectable()
export class PasswordResetService {
  constructor(
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    @InjectRepository(PasswordResetEntity)
    private readonly resets: Repository<PasswordResetEntity>,
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Says nothing about whether the address exists: the caller always answers 202. */
  async request(email: string, meta: RequestMeta): Promise<void> {
    const user = await this.users.findOneBy({ email });
    if (!user || user.disabledAt) return;
    const token = newToken();
    const expiresAt = new Date(Date.now() + RESET_VALID_MINUTES * 60_000);
    const reset = await this.resets.save(
      this.resets.create({
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        usedAt: null,
      }),
    );
    await this.mail.send({
      template: 'password-reset',
      to: user.email,
      locale: user.locale,
      data: {
        resetUrl: `${this.config.PUBLIC_URL}/password-reset/confirm?token=${token}`,
        expiresAt: expiresAt.toISOString(),
      },
      idempotencyKey: `password-reset-${reset.id}`,
    });
    await this.audit.record({
      action: 'auth.password_reset_requested',
      actor: user,
      employerId: user.employerId,
      ip: meta.ip,
    });
  }

  async confirm(
    token: string,
    newPassword: string,
    meta: RequestMeta,
  ): Promise<void> {
    const reset = await this.resets.findOne({
      where: {
        tokenHash: hashToken(token),
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      relations: { user: true },
    });
    if (!reset?.user || reset.user.disabledAt) {
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, RESET_LINK_GONE);
    }
    const user = reset.user;
    this.passwords.assertAcceptable(newPassword, user.email, 'newPassword');
    const hash = await this.passwords.hash(newPassword);
    const claimed = await this.dataSource.transaction(async (m) => {
      const used = await m.update(
        PasswordResetEntity,
        { id: reset.id, usedAt: IsNull() },
        { usedAt: new Date() },
      );
      if (!used.affected) return false;
      await m.update(UserEntity, { id: user.id }, { passwordHash: hash });
      return true;
    });
    if (!claimed) {
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, RESET_LINK_GONE);
    }
    await this.sessions.revokeAllForUser(user.id);
    await this.audit.record({
      action: 'auth.password_reset',
      actor: user,
      employerId: user.employerId,
      ip: meta.ip,
    });
    await this.mail.send({
      template: 'password-changed',
      to: user.email,
      locale: user.locale,
      data: { changedAt: new Date().toISOString(), ip: meta.ip ?? 'unknown' },
      idempotencyKey: `password-changed-${reset.id}`,
    });
  }
}
