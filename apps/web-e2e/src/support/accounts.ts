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
 * The demo accounts seeded into the e2e database, from E2E_ACCOUNTS (set by `npm test`). Fails with a
 * message saying how to provide them, rather than skipping: a skipped spec would pass unnoticed.
 */
export function demoAccounts(): DemoAccounts {
  const raw = process.env['E2E_ACCOUNTS'];
  let accounts: Partial<DemoAccounts> | null = null;
  try {
    accounts = raw ? (JSON.parse(raw) as Partial<DemoAccounts>) : null;
  } catch {
    throw new Error('E2E_ACCOUNTS is not valid JSON');
  }
  if (
    !accounts?.firmAdmin ||
    !accounts.employerOwner ||
    !accounts.otherEmployerOwner
  ) {
    throw new Error(
      'E2E_ACCOUNTS (the seeded demo accounts as JSON) is not set: run the specs with `npm test -- --only=build,e2e`, which seeds them',
    );
  }
  return accounts as DemoAccounts;
}
