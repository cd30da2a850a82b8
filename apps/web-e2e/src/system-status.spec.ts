import { expect, test } from '@playwright/test';
import { demoAccounts } from './support/accounts';
import { signIn } from './support/sign-in';

const COMPONENTS = ['status-api', 'status-database', 'status-redis'] as const;

test.describe('system status', () => {
  test('shows the API, the database and Redis ok, and the worker round trip succeeds', async ({
    page,
  }) => {
    // Testing the worker needs a signed-in user; the page itself is public.
    await signIn(page, demoAccounts().firmAdmin);
    await page.goto('/status');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'État du système',
    );
    for (const testId of COMPONENTS) {
      const line = page.getByTestId(testId);
      await expect(line).toContainText('ok');
      await expect(line).toHaveAttribute('data-state', 'ok');
    }
    await expect(page.getByTestId('status-summary')).toHaveText(
      'Tout fonctionne.',
    );
    await expect(page.getByTestId('app-version')).toHaveText(/Version \S+/);

    await page.getByRole('button', { name: 'Tester le worker' }).click();

    // The worker normally answers within a second; the page itself gives up after 15 s.
    await expect(page.getByTestId('worker-probe-result')).toContainText(
      /Aller-retour réussi en [\d\s\u202f]+ ms/,
      { timeout: 20_000 },
    );
    await expect(page.getByTestId('worker-probe-error')).toHaveCount(0);
  });

  test('is reachable from the home page, and Rafraîchir checks again', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Bienvenue sur Moisson',
    );

    await page.getByTestId('home-status-link').click();
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByTestId('status-api')).toContainText('ok');

    const refresh = page.getByRole('button', { name: 'Rafraîchir' });
    // Disabled while a check is running: wait for the page's own first check to finish.
    await expect(refresh).toBeEnabled();
    const healthAnswer = page.waitForResponse((response) =>
      response.url().endsWith('/api/health'),
    );
    await refresh.click();
    expect([200, 503]).toContain((await healthAnswer).status());
    await expect(page.getByTestId('status-database')).toContainText('ok');
  });

  test('stays public, and asks to sign in before testing the worker', async ({
    page,
  }) => {
    await page.goto('/status');
    await expect(page.getByTestId('status-api')).toContainText('ok');

    await page.getByRole('button', { name: 'Tester le worker' }).click();
    await expect(page.getByTestId('worker-probe-error')).toContainText(
      'Connectez-vous pour tester le worker.',
    );
    await page.getByTestId('worker-probe-sign-in').click();
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fstatus$/);
  });
});
