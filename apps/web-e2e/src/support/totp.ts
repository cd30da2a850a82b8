import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';

/** The portal's TOTP (RFC 6238 as otplib generates it by default): SHA-1, 30 s, 6 digits. */
export const TOTP_STEP_SECONDS = 30;

export function totpStep(at: number = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_STEP_SECONDS);
}

/** The 6-digit code of `secret` (base32) for one time step, by otplib like the API checks it. */
function codeOfStep(secret: string, step: number): Promise<string> {
  return generate({
    secret,
    period: TOTP_STEP_SECONDS,
    epoch: step * TOTP_STEP_SECONDS,
  });
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
      return codeOfStep(secret, step);
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.ceil(secondsLeft * 1000) + 100),
    );
  }
}
