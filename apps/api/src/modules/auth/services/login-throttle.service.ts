import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from '../../../core/http/api-exception';
import { RedisService } from '../../../core/redis/redis.module';
import { describeConnectionError } from '../../../core/startup/describe-connection-error';

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins (password or two-factor code) per account and per IP address in Redis.
 * After 5 failures within 15 minutes, sign-in answers 429 with Retry-After until the window ends.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly redis: RedisService) {}

  private keys(email: string, ip: string | null): string[] {
    const account = createHash('sha256')
      .update(email.toLowerCase())
      .digest('hex')
      .slice(0, 32);
    return [
      this.redis.key('auth', 'fail', 'account', account),
      this.redis.key('auth', 'fail', 'ip', ip ?? 'unknown'),
    ];
  }

  /** Throws 429 with the seconds to wait when the account or the IP is locked. */
  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const keys = this.keys(email, ip);
    const [counts, ttls] = await this.run(async () => {
      const pipeline = this.redis.client.multi();
      keys.forEach((k) => pipeline.get(k));
      keys.forEach((k) => pipeline.ttl(k));
      const res = (await pipeline.exec()) ?? [];
      const values = res.map(([, v]) => v);
      return [
        values.slice(0, keys.length).map((v) => Number(v ?? 0)),
        values.slice(keys.length).map((v) => Number(v)),
      ];
    });
    const locked = counts.map((c, i) =>
      c >= MAX_FAILURES ? Math.max(ttls[i], 1) : 0,
    );
    const wait = Math.max(...locked);
    if (wait > 0) throw tooMany(wait);
  }

  /** Records a failure; returns true when this failure locks the account or the IP. */
  async recordFailure(email: string, ip: string | null): Promise<boolean> {
    const keys = this.keys(email, ip);
    const counts = await this.run(async () => {
      const pipeline = this.redis.client.multi();
      for (const k of keys) {
        pipeline.incr(k);
        pipeline.expire(k, WINDOW_SECONDS, 'NX');
      }
      const res = (await pipeline.exec()) ?? [];
      return res.filter((_, i) => i % 2 === 0).map(([, v]) => Number(v));
    });
    return counts.some((c) => c === MAX_FAILURES);
  }

  /** A successful sign-in clears the account's counter (not the IP's). */
  async clearAccount(email: string): Promise<void> {
    await this.run(() => this.redis.client.del(this.keys(email, null)[0]));
  }

  async secondsLeft(email: string, ip: string | null): Promise<number> {
    const ttls = await this.run(() =>
      Promise.all(this.keys(email, ip).map((k) => this.redis.client.ttl(k))),
    );
    return Math.max(1, ...ttls);
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      // Fail closed: without the counters, sign-in cannot be protected against guessing.
      throw new ApiException(503, API_ERROR_CODES.SERVICE_UNAVAILABLE, {
        fr: `La connexion est momentanément indisponible (${describeConnectionError(error, 'Redis')}). Réessayez dans quelques instants.`,
        en: `Sign-in is unavailable for a moment (${describeConnectionError(error, 'Redis')}). Try again shortly.`,
      });
    }
  }
}

export function tooMany(seconds: number): ApiException {
  const minutes = Math.ceil(seconds / 60);
  const exception = new ApiException(
    429,
    API_ERROR_CODES.TOO_MANY_REQUESTS,
    {
      fr: `Trop de tentatives échouées. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      en: `Too many failed attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    },
    [{ field: 'retryAfterSeconds', message: String(seconds) }],
  );
  (
    exception as ApiException & { retryAfterSeconds: number }
  ).retryAfterSeconds = seconds;
  return exception;
}
