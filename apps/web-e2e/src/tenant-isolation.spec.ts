import { Page, expect, test } from '@playwright/test';
import type { SessionResponse } from '@moisson/contract';
import { demoAccounts } from './support/accounts';
import { signIn } from './support/sign-in';

async function sessionOf(page: Page): Promise<SessionResponse> {
  const response = await page.request.get('/api/auth/session');
  expect(response.status()).toBe(200);
  return (await response.json()) as SessionResponse;
}

test.describe('tenant isolation', () => {
  test("an employer owner sees only their own employer's users, and the firm's pages are refused", async ({
    page,
    browser,
  }) => {
    const accounts = demoAccounts();

    // The other employer's id, as its own owner sees it.
    const otherContext = await browser.newContext();
    let otherEmployerId: string | null;
    try {
      const other = await otherContext.newPage();
      await signIn(other, accounts.otherEmployerOwner);
      otherEmployerId = (await sessionOf(other)).user.employerId;
    } finally {
      await otherContext.close();
    }
    expect(otherEmployerId).toBeTruthy();

    await signIn(page, accounts.employerOwner);
    await expect(page).toHaveURL(/\/tableau-de-bord$/);
    const own = await sessionOf(page);
    expect(own.user.employerId).toBeTruthy();
    expect(own.user.employerId).not.toBe(otherEmployerId);

    // The navigation has the owner's pages only.
    await expect(page.getByTestId('nav-users')).toBeVisible();
    await expect(page.getByTestId('nav-employers')).toHaveCount(0);
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);

    // Users: their own employer's, never the other owner.
    await page.getByTestId('nav-users').click();
    await expect(page).toHaveURL(/\/employer\/users$/);
    const emails = page.getByTestId('user-email');
    await expect(emails.first()).toBeVisible();
    await expect(emails).toContainText([accounts.employerOwner.email]);
    const listed = await emails.allTextContents();
    expect(listed.map((email) => email.trim())).not.toContain(
      accounts.otherEmployerOwner.email,
    );

    // The firm's pages: "Introuvable" at the same address, nothing of the firm's data.
    await page.goto('/firm/employers');
    await expect(page.getByTestId('not-found')).toHaveText('Introuvable');
    await expect(page).toHaveURL(/\/firm\/employers$/);
    await expect(page.getByTestId('employer-list')).toHaveCount(0);

    // And the API agrees: the firm's list is closed, the other employer does not exist for them.
    expect((await page.request.get('/api/employers')).status()).toBe(403);
    expect(
      (
        await page.request.get(`/api/employers/${otherEmployerId}/users`)
      ).status(),
    ).toBe(404);
    expect(
      (await page.request.get(`/api/employers/${otherEmployerId}`)).status(),
    ).toBe(404);
  });
});
