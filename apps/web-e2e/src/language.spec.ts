import { expect, test } from '@playwright/test';

test('switching to English changes the texts and survives a reload', async ({
  page,
}) => {
  await page.goto('/status');
  const heading = page.getByRole('heading', { level: 1 });
  const html = page.locator('html');

  // French by default.
  await expect(heading).toHaveText('État du système');
  await expect(html).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('status-refresh')).toHaveText('Rafraîchir');

  await page.getByTestId('language-en').click();

  await expect(heading).toHaveText('System status');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('status-refresh')).toHaveText('Refresh');
  await expect(page.getByTestId('worker-probe-button')).toHaveText(
    'Test the worker',
  );
  await expect(page).toHaveTitle('System status · Moisson');

  await page.reload();

  await expect(heading).toHaveText('System status');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-status')).toHaveText('System status');
  await expect(page.getByTestId('status-api')).toContainText('ok');

  // And back.
  await page.getByTestId('language-fr').click();
  await expect(heading).toHaveText('État du système');
  await expect(html).toHaveAttribute('lang', 'fr');
});
