import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { generateSecret, generateURI, verify } from 'otplib';
import * as QRCode from 'qrcode';
import { DataSource, IsNull, Repository } from 'typeorm';
import { hashToken } from '../../../core/auth/tokens';
import { ApiException } from '../../../core/http/api-exception';
import { API_ERROR_CODES } from '@moisson/contract';
import { RecoveryCodeEntity } from '../../users/entities/recovery-code.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { SecretBoxService } from './secret-box.service';

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** TOTP (RFC 6238, 30 s, 6 digits, SHA-1: what authenticator apps expect) and recovery codes. */
@Injectable()
export class TotpService {
  constructor(
    private readonly box: SecretBoxService,
    private readonly dataSource: DataSource,
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    @InjectRepository(RecoveryCodeEntity)
    private readonly codes: Repository<RecoveryCodeEntity>,
  ) {}

  /** A new secret, stored sealed and pending until a first code confirms it. */
  async startEnrolment(
    user: UserEntity,
  ): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
    const secret = generateSecret();
    await this.users.update(
      { id: user.id },
      {
        totpSecret: this.box.seal(secret),
        totpEnabledAt: null,
        totpLastStep: null,
      },
    );
    const otpauthUrl = generateURI({
      issuer: 'Moisson',
      label: user.email,
      secret,
    });
    const qrDataUrl = await QRCode.toDataURL(otpauthUrl, {
      margin: 1,
      width: 240,
    });
    return { secret, otpauthUrl, qrDataUrl };
  }

  /**
   * Checks a 6-digit code against the user's secret, allowing one step of clock drift, and never
   * accepts the same code twice (the last accepted step is stored).
   */
  async verifyCode(user: UserEntity, code: string): Promise<boolean> {
    if (!user.totpSecret || !/^\d{6}$/.test(code)) return false;
    let secret: string;
    try {
      secret = this.box.open(user.totpSecret);
    } catch {
      // Sealed with another APP_SECRET: a server configuration problem, not the user's mistake.
      throw new ApiException(500, API_ERROR_CODES.INTERNAL_ERROR, {
        fr: 'Le serveur ne peut pas lire vos réglages de double authentification (son APP_SECRET a changé). Demandez à un administrateur de vérifier APP_SECRET.',
        en: 'Your two-factor settings cannot be read by the server (its APP_SECRET changed). Ask an administrator to check APP_SECRET.',
      });
    }
    const afterTimeStep =
      user.totpLastStep === null ? undefined : Number(user.totpLastStep);
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      afterTimeStep,
    });
    if (!result.valid) return false;
    const step =
      'timeStep' in result && typeof result.timeStep === 'number'
        ? result.timeStep
        : Math.floor(Date.now() / 30000);
    const updated = await this.users
      .createQueryBuilder()
      .update()
      .set({ totpLastStep: String(step) })
      .where(
        'id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)',
        { id: user.id, step },
      )
      .execute();
    return (updated.affected ?? 0) > 0;
  }

  /** Turns two-factor on after a valid first code; returns fresh recovery codes. */
  async enable(user: UserEntity): Promise<string[]> {
    await this.users.update({ id: user.id }, { totpEnabledAt: new Date() });
    return this.replaceRecoveryCodes(user.id);
  }

  async disable(userId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.update(
        UserEntity,
        { id: userId },
        { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
      );
      await m.delete(RecoveryCodeEntity, { userId });
    });
  }

  async replaceRecoveryCodes(userId: string): Promise<string[]> {
    const plain = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
      recoveryCode(),
    );
    await this.dataSource.transaction(async (m) => {
      await m.delete(RecoveryCodeEntity, { userId });
      await m.insert(
        RecoveryCodeEntity,
        plain.map((code) => ({
          userId,
          codeHash: hashToken(normalise(code)),
          usedAt: null,
        })),
      );
    });
    return plain;
  }

  /** Uses a recovery code once; true when it was valid and unused. */
  async useRecoveryCode(userId: string, code: string): Promise<boolean> {
    const result = await this.codes.update(
      { userId, codeHash: hashToken(normalise(code)), usedAt: IsNull() },
      { usedAt: new Date() },
    );
    return (result.affected ?? 0) > 0;
  }
}

function recoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes]
    .map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length])
    .join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalise(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
