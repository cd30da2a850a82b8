import { Page, expect } from '@playwright/test';
import { DemoAccount } from './accounts';
import { freshTotp } from './totp';

/**
 * Signs in through the sign-in page, with the TOTP step when the account has two-factor. Waits until
 * the portal has left the sign-in page.
 */
export async function signIn(
  page: Page,
  account: DemoAccount,
  path = '/sign-in',
): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  if (account.totpSecret) {
    await expect(
      page.getByRole('heading', { name: 'Vérification en deux étapes' }),
    ).toBeVisible();
    await page
      .getByLabel('Code à 6 chiffres')
      .fill(await freshTotp(account.totpSecret));
    await page.getByRole('button', { name: 'Valider' }).click();
  }
  await expect(page).not.toHaveURL(/\/sign-in/);
}
