import { createHmac } from 'node:crypto';
import { safeEqual } from '../../core/auth/tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The token of a relance link: the relance id and an HMAC-SHA256 of it under APP_SECRET. Nothing
 * secret is stored: the same relance always gives the same link (a digest retried after an SMTP
 * refusal carries the same one), and a token cannot be forged or pointed at another relance.
 */
export function relanceToken(relanceId: string, secret: string): string {
  return `${relanceId}.${signature(relanceId, secret)}`;
}

/** The relance id of a genuine token; undefined for anything else. */
export function relanceIdOf(token: string, secret: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot < 0 || token.length > 200) return undefined;
  const id = token.slice(0, dot);
  if (!UUID.test(id)) return undefined;
  return safeEqual(token.slice(dot + 1), signature(id, secret))
    ? id
    : undefined;
}

function signature(relanceId: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`moisson-relance:${relanceId}`)
    .digest('base64url');
}
