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
/** Sessions kept for reuse by GETs at most (the oldest go first). */
const CACHE_MAX_ENTRIES = 10_000;

interface CachedSession {
  auth: AuthContext;
  /** Date.now() after which the entry is read again from the database. */
  until: number;
}

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity)
    private readonly sessions: Repository<SessionEntity>,
    private readonly config: AppConfig,
  ) {}

  /** By token hash: sessions read recently, reused by GETs (SESSION_CACHE_SECONDS). */
  private readonly recent = new Map<string, CachedSession>();
  /**
   * Moves on at every revocation or change (forget*, any request that does not reuse): a read that
   * started before one is not kept, so a GET racing a sign-out cannot put the old session back.
   */
  private generation = 0;

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
   * past its absolute end, or when the user is disabled. One query, or none when `reuse` (a GET) finds
   * the session read for an earlier GET less than SESSION_CACHE_SECONDS ago and still within its idle
   * and absolute limits. A request that does not reuse drops the token's entry, so a change it makes
   * (account, two-factor, password) is read by the next GET.
   */
  async authenticate(
    token: string | undefined,
    options: { reuse?: boolean } = {},
  ): Promise<AuthContext | undefined> {
    if (!token || token.length > 128) return undefined;
    const tokenHash = hashToken(token);
    const now = Date.now();
    const cacheMs = this.config.SESSION_CACHE_SECONDS * 1000;
    if (options.reuse && cacheMs > 0) {
      const hit = this.recent.get(tokenHash);
      if (hit && hit.until > now && this.isLive(hit.auth.session, now))
        return hit.auth;
    }
    this.recent.delete(tokenHash);
    if (!options.reuse) this.generation++;
    const generation = this.generation;
    // find, not findOne: with relations, findOne sends a second "SELECT DISTINCT" query for its
    // LIMIT 1; token_hash is unique, so find returns at most one row in a single query.
    const [session] = await this.sessions.find({
      where: { tokenHash, revokedAt: IsNull() },
      relations: { user: { employer: true } },
    });
    if (!session?.user || session.user.disabledAt) return undefined;
    if (!this.isLive(session, now)) {
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
    const auth = { user, session: rest as SessionEntity };
    if (options.reuse && cacheMs > 0 && generation === this.generation)
      this.remember(tokenHash, auth, now + cacheMs);
    return auth;
  }

  /** Drops the sessions of this user kept for reuse (their role or account changed elsewhere). */
  forgetUser(userId: string): void {
    this.generation++;
    for (const [hash, { auth }] of this.recent)
      if (auth.user.id === userId) this.recent.delete(hash);
  }

  private forgetSession(sessionId: string): void {
    this.generation++;
    for (const [hash, { auth }] of this.recent)
      if (auth.session.id === sessionId) this.recent.delete(hash);
  }

  private remember(tokenHash: string, auth: AuthContext, until: number): void {
    if (this.recent.size >= CACHE_MAX_ENTRIES) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    this.recent.set(tokenHash, { auth, until });
  }

  private isLive(session: SessionEntity, now: number): boolean {
    return (
      session.absoluteExpiresAt.getTime() > now &&
      this.idleExpiry(session).getTime() > now
    );
  }

  idleExpiry(session: SessionEntity): Date {
    return new Date(
      session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000,
    );
  }

  async markTotpPassed(sessionId: string): Promise<void> {
    this.forgetSession(sessionId);
    await this.sessions.update({ id: sessionId }, { totpPassed: true });
  }

  async revoke(sessionId: string): Promise<void> {
    this.forgetSession(sessionId);
    await this.sessions.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** Ends every session of the user (disabled, password changed), except `keep` when given. */
  async revokeAllForUser(userId: string, keep?: string): Promise<void> {
    this.forgetUser(userId);
    await this.sessions.update(
      keep
        ? { userId, revokedAt: IsNull(), id: Not(keep) }
        : { userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }
}
