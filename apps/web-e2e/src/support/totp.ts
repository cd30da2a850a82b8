import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** RFC 6238 parameters used by the portal (and every authenticator app): SHA-1, 30 s, 6 digits. */
export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (the format of TOTP secrets), padding and spaces ignored. */
export function base32Decode(secret: string): Buffer {
  const clean = secret.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) {
      throw new Error(`Not a base32 TOTP secret (character "${char}")`);
    }
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP of one counter value. */
export function hotp(secret: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32Decode(secret))
    .update(message)
    .digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

export function totpStep(at: number = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_STEP_SECONDS);
}

/** The 6-digit code of `secret` at `at` (RFC 6238). */
export function totp(secret: string, at: number = Date.now()): string {
  return hotp(secret, totpStep(at));
}

const usedStepsFile = join(tmpdir(), 'moisson-e2e', 'totp-steps.json');

function lastUsedStep(secret: string): number {
  try {
    const used = JSON.parse(readFileSync(usedStepsFile, 'utf8')) as Record<
      string,
      number
    >;
    return used[secret] ?? -1;
  } catch {
    return -1;
  }
}

function rememberStep(secret: string, step: number): void {
  let used: Record<string, number> = {};
  try {
    used = JSON.parse(readFileSync(usedStepsFile, 'utf8')) as Record<
      string,
      number
    >;
  } catch {
    // First code of the run.
  }
  used[secret] = step;
  mkdirSync(join(tmpdir(), 'moisson-e2e'), { recursive: true });
  writeFileSync(usedStepsFile, JSON.stringify(used));
}

/**
 * A code the API will accept now: the API refuses a code of a step already used (replay
 * protection), so when this secret signed in during the current step, wait for the next one; also
 * skip a step about to end, so the code is still valid when it arrives.
 */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = totpStep(now);
    const secondsLeft = TOTP_STEP_SECONDS - ((now / 1000) % TOTP_STEP_SECONDS);
    if (step > lastUsedStep(secret) && secondsLeft > 3) {
      rememberStep(secret, step);
      return hotp(secret, step);
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.ceil(secondsLeft * 1000) + 100),
    );
  }
}
