import { createHmac } from 'node:crypto';
import { safeEqual } from '../../core/auth/tokens';

const UUID_LENGTH = 36;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The token of a relance link: the relance id and an HMAC-SHA256 of it under APP_SECRET. Nothing
 * secret is stored: the same relance always gives the same link (a digest retried after an SMTP
 * refusal carries the same one), and a token cannot be forged or pointed at another relance.
 */
export function relanceToken(relanceId: string, secret: string): string {
  // '_', not '.': the web server serves `/relance/<token>` as the app only when the path does not
  // end like a file name ('.' then letters or digits), which a dot here made true for 1 link in 4.
  return `${relanceId}_${signature(relanceId, secret)}`;
}

/**
 * The relance id of a genuine token; undefined for anything else. Links mailed before the
 * separator became '_' carry a '.', and are still read.
 */
export function relanceIdOf(token: string, secret: string): string | undefined {
  const separator = token.charAt(UUID_LENGTH);
  if ((separator !== '_' && separator !== '.') || token.length > 200)
    return undefined;
  const id = token.slice(0, UUID_LENGTH);
  if (!UUID.test(id)) return undefined;
  return safeEqual(token.slice(UUID_LENGTH + 1), signature(id, secret))
    ? id
    : undefined;
}

function signature(relanceId: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`moisson-relance:${relanceId}`)
    .digest('base64url');
}
