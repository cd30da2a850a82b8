import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  CalendarFeedScope,
  CalendarFeedSecret,
  CalendarFeedStatus,
  isFirmRole,
} from '@moisson/contract';
import { addDays } from '@moisson/domain';
import { IsNull, Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { hashToken, newToken } from '../../core/auth/tokens';
import { AppConfig } from '../../core/config/app-config';
import { ApiException } from '../../core/http/api-exception';
import { AuditService } from '../audit/audit.service';
import { todayInParis } from '../dossiers/common/paris-today';
import { AgendaScope, AgendaService } from '../firm-console/agenda.service';
import { UserEntity } from '../users/entities/user.entity';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { buildIcsCalendar } from './ics-calendar';

/** What a feed holds: from a month back to six months ahead, the nearest events first. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 183;
export const FEED_MAX_EVENTS = 5000;
/** Tokens are 32 random bytes in base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Per-user ICS feeds (one live feed per user). The URL's token is shown once, at creation or
 * rotation; the table keeps its SHA-256. Employer users' feeds show their employer's dossiers;
 * firm staff choose their assigned employers ('assigned', default) or every employer ('all').
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectRepository(CalendarFeedEntity)
    private readonly feeds: Repository<CalendarFeedEntity>,
    private readonly agenda: AgendaService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async status(auth: AuthContext): Promise<CalendarFeedStatus> {
    return toStatus(await this.live(auth.user.id));
  }

  async create(
    auth: AuthContext,
    requested: CalendarFeedScope | undefined,
    meta: RequestMeta,
  ): Promise<CalendarFeedSecret> {
    const scope = scopeFor(auth.user, requested);
    if (await this.live(auth.user.id))
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: 'Vous avez déjà un abonnement de calendrier actif : renouvelez son adresse ou révoquez-le.',
        en: 'You already have an active calendar feed: rotate its address or revoke it.',
      });
    return this.issue(auth, scope, 'calendar_feed.created', meta);
  }

  async rotate(
    auth: AuthContext,
    meta: RequestMeta,
  ): Promise<CalendarFeedSecret> {
    // One transaction: the old URL stops working exactly when the new one exists.
    return this.feeds.manager.transaction(async (manager) => {
      const feeds = manager.getRepository(CalendarFeedEntity);
      const current = await feeds.findOne({
        where: { userId: auth.user.id, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw noFeed();
      await feeds.update({ id: current.id }, { revokedAt: new Date() });
      return this.issue(
        auth,
        current.scope,
        'calendar_feed.rotated',
        meta,
        feeds,
      );
    });
  }

  async revoke(auth: AuthContext, meta: RequestMeta): Promise<void> {
    const current = await this.live(auth.user.id);
    if (!current) throw noFeed();
    await this.feeds.update({ id: current.id }, { revokedAt: new Date() });
    await this.audit.record({
      action: 'calendar_feed.revoked',
      actor: auth.user,
      employerId: auth.user.employerId,
      targetType: 'calendar_feed',
      targetId: current.id,
      ip: meta.ip,
      details: { scope: current.scope },
    });
  }

  /** The feed's ICS text, or null (404) for an unknown, rotated or revoked token or a disabled user. */
  async ics(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const feed = await this.feeds.findOne({
      where: { tokenHash: hashToken(token), revokedAt: IsNull() },
      relations: { user: true },
    });
    const user = feed?.user;
    if (!feed || !user || user.disabledAt) return null;
    const scope = agendaScope(feed.scope, user);
    if (!scope) return null;
    const today = todayInParis();
    const { items, truncated } = await this.agenda.range(
      scope,
      {},
      {
        from: addDays(today, -FEED_DAYS_BACK),
        to: addDays(today, FEED_DAYS_AHEAD),
      },
      today,
      FEED_MAX_EVENTS,
    );
    await this.feeds.update({ id: feed.id }, { lastFetchedAt: new Date() });
    return buildIcsCalendar(items, {
      locale: user.locale === 'en' ? 'en' : 'fr',
      portalUrl: this.config.PUBLIC_URL,
      now: new Date(),
      truncated,
    });
  }

  private live(userId: string): Promise<CalendarFeedEntity | null> {
    return this.feeds.findOneBy({ userId, revokedAt: IsNull() });
  }

  private async issue(
    auth: AuthContext,
    scope: CalendarFeedScope,
    action: 'calendar_feed.created' | 'calendar_feed.rotated',
    meta: RequestMeta,
    feeds: Repository<CalendarFeedEntity> = this.feeds,
  ): Promise<CalendarFeedSecret> {
    const token = newToken();
    const saved = await feeds.save(
      feeds.create({
        userId: auth.user.id,
        tokenHash: hashToken(token),
        scope,
        revokedAt: null,
        lastFetchedAt: null,
      }),
    );
    await this.audit.record({
      action,
      actor: auth.user,
      employerId: auth.user.employerId,
      targetType: 'calendar_feed',
      targetId: saved.id,
      ip: meta.ip,
      details: { scope },
    });
    const url = `${this.config.PUBLIC_URL}/api/calendar/${token}.ics`;
    return {
      ...toStatus(saved),
      url,
      webcalUrl: url.replace(/^https?:/, 'webcal:'),
    };
  }
}

function toStatus(feed: CalendarFeedEntity | null): CalendarFeedStatus {
  return {
    active: feed !== null,
    scope: feed?.scope ?? null,
    createdAt: feed?.createdAt.toISOString() ?? null,
    lastFetchedAt: feed?.lastFetchedAt?.toISOString() ?? null,
  };
}

/** The scope a user may have: employer users their employer only; firm staff assigned or all. */
function scopeFor(
  user: UserEntity,
  requested: CalendarFeedScope | undefined,
): CalendarFeedScope {
  if (!isFirmRole(user.role)) {
    if (requested && requested !== 'employer') throw badScope(['employer']);
    return 'employer';
  }
  if (requested === 'employer') throw badScope(['assigned', 'all']);
  return requested ?? 'assigned';
}

/** What the feed reads, from the user as they are NOW (a user moved or demoted loses access). */
function agendaScope(
  scope: CalendarFeedScope,
  user: UserEntity,
): AgendaScope | null {
  if (!isFirmRole(user.role))
    return scope === 'employer' && user.employerId
      ? { kind: 'employer', employerId: user.employerId }
      : null;
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'assigned') return { kind: 'assigned', staffUserId: user.id };
  return null;
}

function badScope(allowed: string[]): ApiException {
  return new ApiException(
    400,
    API_ERROR_CODES.BAD_REQUEST,
    {
      fr: `Portée du calendrier non permise pour votre compte : choisissez ${allowed.join(' ou ')}.`,
      en: `Calendar scope not allowed for your account: choose ${allowed.join(' or ')}.`,
    },
    [
      {
        field: 'scope',
        message: {
          fr: `scope doit valoir ${allowed.join(' ou ')}.`,
          en: `scope must be ${allowed.join(' or ')}.`,
        },
      },
    ],
  );
}

function noFeed(): ApiException {
  return new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
    fr: "Vous n'avez pas d'abonnement de calendrier actif.",
    en: 'You have no active calendar feed.',
  });
}
