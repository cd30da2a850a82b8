import { expect, test } from '@playwright/test';
import { horizontalOverflow } from './support/layout';

test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
});

test('at 390x844 the sign-in page fits the screen, with its messages', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
  await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Mot de passe oublié ?' }),
  ).toBeVisible();

  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(innerWidth).toBe(390);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await page.screenshot({
    path: testInfo.outputPath('sign-in-390x844.png'),
    fullPage: true,
  });

  // With the inline messages and the API's refusal shown, it still fits.
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Saisissez votre adresse e-mail.')).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill('personne@example.fr');
  await page
    .getByLabel('Mot de passe', { exact: true })
    .fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(
    innerWidth,
  );
  await page.screenshot({
    path: testInfo.outputPath('sign-in-390x844-error.png'),
    fullPage: true,
  });
});
