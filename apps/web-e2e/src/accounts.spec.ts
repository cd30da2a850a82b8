import { expect, test } from '@playwright/test';
import { demoAccounts } from './support/accounts';
import { clearMail, linkIn, waitForMail } from './support/mail';
import { signIn } from './support/sign-in';
import { randomSiret } from './support/siret';

test.describe('accounts: from a new employer to its owner signed in', () => {
  test('a firm admin signs in with TOTP, creates an employer and invites its owner, who joins from the e-mail', async ({
    page,
    browser,
  }) => {
    const accounts = demoAccounts();
    test.setTimeout(120_000);
    await clearMail();
    const run = Date.now().toString(36);
    const legalName = `EARL des Tests ${run}`;
    const ownerEmail = `proprietaire.${run}@example.fr`;
    const ownerName = 'Hélène Fabre';
    const ownerPassword = `Vergers-${run}-saison`;

    // 1. The firm admin signs in (password, then the TOTP code), lands on the overview, opens the employers.
    await signIn(page, accounts.firmAdmin);
    await expect(page).toHaveURL(/\/firm\/overview$/);
    await page.getByTestId('nav-employers').click();
    await expect(page).toHaveURL(/\/firm\/employers$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Employeurs',
    );
    await expect(page.getByTestId('nav-audit')).toBeVisible();

    // 2. Creates the employer; the SIRET key is checked as it is typed.
    await page.getByTestId('employer-new').click();
    await expect(page).toHaveURL(/\/firm\/employers\/new$/);
    await page.getByTestId('employer-legal-name').fill(legalName);
    const siret = randomSiret();
    const wrongKey = siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);
    await page.getByTestId('employer-siret').fill(wrongKey);
    await expect(page.getByTestId('employer-siret-error')).toContainText(
      'Clé de contrôle du SIRET incorrecte',
    );
    await page
      .getByTestId('employer-siret')
      .fill(
        `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`,
      );
    await expect(page.getByTestId('employer-siret-error')).toHaveCount(0);
    await page.getByTestId('employer-sector').click();
    await page.getByRole('option', { name: 'Maraîchage' }).click();
    await page.getByTestId('employer-address').fill('8 chemin des Serres');
    await page.getByTestId('employer-postal-code').fill('47300');
    await expect(page.getByTestId('employer-departement')).toHaveValue('47');
    await page.getByTestId('employer-city').fill('Villeneuve-sur-Lot');
    await page.getByTestId('employer-submit').click();

    await expect(page).toHaveURL(/\/firm\/employers\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('employer-title')).toHaveText(legalName);
    await expect(page.getByTestId('employer-created')).toBeVisible();

    // 3. Invites its owner.
    await page.getByTestId('invite-email').fill(ownerEmail);
    await page.getByTestId('invite-role').click();
    await page.getByRole('option', { name: 'Responsable' }).click();
    await page.getByTestId('invite-submit').click();
    await expect(page.getByTestId('invite-sent')).toContainText(
      `Invitation envoyée à ${ownerEmail}`,
    );
    await expect(page.getByTestId('pending-invitations')).toContainText(
      ownerEmail,
    );

    // 4. The invitation e-mail arrives, with its link.
    const mail = await waitForMail(ownerEmail, /Invitation/);
    expect(mail.subject).toContain(legalName);
    const invitationPath = linkIn(mail, '/invitations/');

    // 5. The owner opens it in their own browser, sets a password and lands signed in.
    const ownerContext = await browser.newContext();
    try {
      const owner = await ownerContext.newPage();
      await owner.goto(invitationPath);
      await expect(owner.getByTestId('invitation-organisation')).toHaveText(
        legalName,
      );
      await expect(owner.getByTestId('invitation-role')).toHaveText(
        'Responsable',
      );
      await expect(owner.getByTestId('invitation-email')).toHaveText(
        ownerEmail,
      );
      await owner.getByTestId('invitation-full-name').fill(ownerName);
      await owner.getByTestId('invitation-password').fill(ownerPassword);
      await owner
        .getByTestId('invitation-password-confirmation')
        .fill(ownerPassword);
      await owner.getByTestId('invitation-submit').click();

      await expect(owner).toHaveURL(/\/account$/);
      await expect(owner.getByTestId('account-welcome')).toContainText(
        `Bienvenue, ${ownerName}`,
      );
      await expect(owner.getByTestId('account-organisation')).toHaveText(
        legalName,
      );
      await expect(owner.getByTestId('nav-user-name')).toHaveText(ownerName);
      await expect(owner.getByTestId('nav-users')).toBeVisible();
      await expect(owner.getByTestId('nav-employers')).toHaveCount(0);

      // The link works once.
      await owner.goto(invitationPath);
      await expect(owner.getByTestId('invitation-gone')).toBeVisible();
    } finally {
      await ownerContext.close();
    }

    // 6. The firm sees the new owner among the employer's users.
    await page.reload();
    await expect(
      page.locator(`[data-testid="user-row"][data-email="${ownerEmail}"]`),
    ).toContainText(ownerName);
  });
});
