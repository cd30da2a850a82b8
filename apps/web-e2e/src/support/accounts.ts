import { test } from '@playwright/test';

export interface DemoAccount {
  email: string;
  password: string;
  /** Base32 secret of accounts that sign in with two-factor. */
  totpSecret?: string | null;
}

export interface DemoAccounts {
  firmAdmin: DemoAccount;
  employerOwner: DemoAccount;
  otherEmployerOwner: DemoAccount;
}

/**
 * The demo accounts seeded into the e2e database, from E2E_ACCOUNTS (set by `npm test`). Skips the
 * test when they are not given (a stack started by hand without the seed).
 */
export function demoAccounts(): DemoAccounts {
  const raw = process.env['E2E_ACCOUNTS'];
  let accounts: Partial<DemoAccounts> | null = null;
  try {
    accounts = raw ? (JSON.parse(raw) as Partial<DemoAccounts>) : null;
  } catch {
    throw new Error('E2E_ACCOUNTS is not valid JSON');
  }
  test.skip(
    !accounts?.firmAdmin ||
      !accounts.employerOwner ||
      !accounts.otherEmployerOwner,
    'E2E_ACCOUNTS (the seeded demo accounts) is not set',
  );
  return accounts as DemoAccounts;
}
