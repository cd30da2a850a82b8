import { Injectable } from '@nestjs/common';
import {
  API_ERROR_CODES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@moisson/contract';
import { dictionary } from '@zxcvbn-ts/language-common';
import {
  Algorithm,
  hash as argon2Hash,
  verify as argon2Verify,
} from '@node-rs/argon2';
import { ApiException } from '../../../core/http/api-exception';
import { BilingualText } from '../../../core/http/localized-text';

/**
 * argon2id, m=64 MiB, t=3, p=4 (above OWASP's minimum). @node-rs/argon2 ships prebuilt binaries per
 * platform, so installing needs no compiler.
 */
const HASH_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 65536,
  timeCost: 3,
  parallelism: 4,
} as const;

const COMMON = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
);

/** Hashes and checks passwords, and enforces the password rules. */
@Injectable()
export class PasswordService {
  /** A hash to compare against when the account does not exist, so timing tells nothing. */
  private readonly dummyHash = argon2Hash(
    'not-a-real-password-0000',
    HASH_OPTIONS,
  );

  hash(password: string): Promise<string> {
    return argon2Hash(password, HASH_OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2Verify(hash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }

  /** Throws a 400 naming the broken rule; returns when the password is acceptable. */
  assertAcceptable(password: string, email: string, field = 'password'): void {
    const problem = passwordProblem(password, email);
    if (problem) {
      throw new ApiException(400, API_ERROR_CODES.VALIDATION_FAILED, problem, [
        { field, message: problem },
      ]);
    }
  }
}

export function passwordProblem(
  password: string,
  email: string,
): BilingualText | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return {
      fr: `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
      en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
    };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return {
      fr: `Le mot de passe doit comporter au plus ${PASSWORD_MAX_LENGTH} caractères.`,
      en: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
    };
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || isRepeatedCommon(lower)) {
    return {
      fr: 'Ce mot de passe figure dans une liste de mots de passe courants : choisissez-en un autre, par exemple quelques mots sans rapport entre eux.',
      en: 'This password is in a list of common passwords: choose another one, for example a few unrelated words.',
    };
  }
  const local = email.toLowerCase().split('@')[0];
  if (local.length >= 4 && lower.includes(local)) {
    return {
      fr: 'Le mot de passe ne doit pas contenir votre adresse e-mail.',
      en: 'The password must not contain your e-mail address.',
    };
  }
  return undefined;
}

/** "azertyazerty", "motdepassemotdepasse": one common word said twice or more. */
function isRepeatedCommon(lower: string): boolean {
  for (let size = 3; size <= lower.length / 2; size++) {
    if (lower.length % size !== 0) continue;
    const unit = lower.slice(0, size);
    if (
      unit.repeat(lower.length / size) === lower &&
      (COMMON.has(unit) || new Set(unit).size === 1)
    )
      return true;
  }
  return new Set(lower).size <= 2;
}
