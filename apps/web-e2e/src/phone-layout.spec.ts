import { Page, expect, test } from '@playwright/test';

test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
});

async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: (document.scrollingElement ?? document.documentElement)
      .scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

test('at 390x844 the status page fits the screen and the navigation collapses into a menu', async ({
  page,
}, testInfo) => {
  await page.goto('/status');
  // Loaded, whatever the state of the stack.
  await expect(
    page
      .locator('[data-testid="status-api"], [data-testid="status-error"]')
      .first(),
  ).toBeVisible();

  await page.getByTestId('worker-probe-button').click();
  await expect(
    page
      .locator(
        '[data-testid="worker-probe-result"], [data-testid="worker-probe-error"]',
      )
      .first(),
  ).toBeVisible({ timeout: 20_000 });

  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(innerWidth).toBe(390);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

  // The inline navigation gives way to a menu button.
  await expect(page.getByTestId('nav-status')).toBeHidden();
  const menuButton = page.getByTestId('nav-menu-toggle');
  await expect(menuButton).toBeVisible();
  await expect(page.getByTestId('language-en')).toBeVisible();

  await page.screenshot({
    path: testInfo.outputPath('status-390x844.png'),
    fullPage: true,
  });

  await menuButton.click();
  const menu = page.locator('#moi-nav-menu');
  await expect(menu.getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(
    menu.getByRole('link', { name: 'État du système' }),
  ).toBeVisible();
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(
    innerWidth,
  );
  await page.screenshot({
    path: testInfo.outputPath('status-390x844-menu.png'),
  });

  await menu.getByRole('link', { name: 'Accueil' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Bienvenue sur Moisson',
  );
  await expect(menu).toBeHidden();
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(
    innerWidth,
  );
});
