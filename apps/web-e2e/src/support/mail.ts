import { expect } from '@playwright/test';

/** One e-mail as MailDev's web API lists it. */
export interface CaughtMail {
  subject: string;
  to: { address: string; name?: string }[];
  text?: string;
  html?: string;
}

function mailApi(): string {
  const base = process.env['E2E_MAIL_API'];
  if (!base) {
    throw new Error(
      'E2E_MAIL_API (the MailDev web API that catches the e-mails) is not set',
    );
  }
  return base.replace(/\/$/, '');
}

export async function clearMail(): Promise<void> {
  const response = await fetch(`${mailApi()}/email/all`, { method: 'DELETE' });
  expect(response.ok).toBe(true);
}

/** Waits (up to 30 s) for an e-mail to `address` whose subject matches, and returns the newest. */
export async function waitForMail(
  address: string,
  subject: RegExp,
): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailApi()}/email`);
        const mails = (await response.json()) as CaughtMail[];
        found = mails
          .filter(
            (mail) =>
              subject.test(mail.subject) &&
              mail.to.some(
                (to) => to.address.toLowerCase() === address.toLowerCase(),
              ),
          )
          .pop();
        return found?.subject ?? null;
      },
      {
        message: `an e-mail to ${address} with a subject like ${subject}`,
        timeout: 30_000,
      },
    )
    .not.toBeNull();
  return found as CaughtMail;
}

/** The path of the first link to `pathPrefix` in the e-mail (text, else HTML). */
export function linkIn(mail: CaughtMail, pathPrefix: string): string {
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`https?://[^\\s"'<>]+(${escaped}[^\\s"'<>]*)`);
  const match = pattern.exec(mail.text ?? '') ?? pattern.exec(mail.html ?? '');
  if (!match) {
    throw new Error(`No ${pathPrefix} link in the e-mail "${mail.subject}"`);
  }
  return match[1].replace(/&amp;/g, '&');
}
