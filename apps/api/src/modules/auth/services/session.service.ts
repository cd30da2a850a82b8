import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import type { AuthContext, RequestMeta } from '../../../core/auth/auth-context';
import { hashToken, newToken } from '../../../core/auth/tokens';
import type { UserEntity } from '../../users/entities/user.entity';
import { SessionEntity } from '../entities/session.entity';

/** last_seen_at is written at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 30_000;

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity)
    private readonly sessions: Repository<SessionEntity>,
    private readonly config: AppConfig,
  ) {}

  async create(
    user: UserEntity,
    meta: RequestMeta,
    totpPassed: boolean,
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = newToken();
    const now = new Date();
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: hashToken(token),
        userId: user.id,
        totpPassed,
        lastSeenAt: now,
        absoluteExpiresAt: new Date(
          now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3600_000,
        ),
        revokedAt: null,
        ip: meta.ip,
        userAgent: meta.userAgent,
      }),
    );
    return { token, session };
  }

  /**
   * The live session for a cookie token, with its user; undefined when unknown, revoked, idle too long,
   * past its absolute end, or when the user is disabled. One query.
   */
  async authenticate(
    token: string | undefined,
  ): Promise<AuthContext | undefined> {
    if (!token || token.length > 128) return undefined;
    // find, not findOne: with relations, findOne sends a second "SELECT DISTINCT" query for its
    // LIMIT 1; token_hash is unique, so find returns at most one row in a single query.
    const [session] = await this.sessions.find({
      where: { tokenHash: hashToken(token), revokedAt: IsNull() },
      relations: { user: { employer: true } },
    });
    if (!session?.user || session.user.disabledAt) return undefined;
    const now = Date.now();
    if (
      session.absoluteExpiresAt.getTime() <= now ||
      this.idleExpiry(session).getTime() <= now
    ) {
      await this.sessions.update({ id: session.id }, { revokedAt: new Date() });
      return undefined;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = new Date(now);
      await this.sessions.update(
        { id: session.id },
        { lastSeenAt: session.lastSeenAt },
      );
    }
    const { user, ...rest } = session;
    return { user, session: rest as SessionEntity };
  }

  idleExpiry(session: SessionEntity): Date {
    return new Date(
      session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000,
    );
  }

  async markTotpPassed(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { totpPassed: true });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** Ends every session of the user (disabled, password changed), except `keep` when given. */
  async revokeAllForUser(userId: string, keep?: string): Promise<void> {
    await this.sessions.update(
      keep
        ? { userId, revokedAt: IsNull(), id: Not(keep) }
        : { userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }
}
