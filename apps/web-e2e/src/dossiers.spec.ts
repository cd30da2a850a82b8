import { Page, expect, test } from '@playwright/test';
import { demoAccounts } from './support/accounts';
import { horizontalOverflow } from './support/layout';
import { signIn } from './support/sign-in';

/** Today in Paris as the forms take it: dd/mm/yyyy. */
function parisToday(): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
}

/** A date `years` from today (Paris), dd/mm/yyyy. */
function yearsFromToday(years: number): string {
  const [day, month, year] = parisToday().split('/');
  return `${day === '29' && month === '02' ? '28' : day}/${month}/${Number(year) + years}`;
}

function randomLetters(length: number): string {
  return Array.from({ length }, () =>
    String.fromCharCode(65 + Math.floor(Math.random() * 26)),
  ).join('');
}

/** Opens the step's form on the dossier page, fills it with `fill`, records it, waits for the new state. */
async function recordStep(
  page: Page,
  to: string,
  expectedState: string,
  fill: () => Promise<void>,
): Promise<void> {
  await page.getByTestId(`step-${to}`).click();
  await expect(page.getByTestId(`transition-form-${to}`)).toBeVisible();
  await fill();
  await page.getByTestId('transition-submit').click();
  await expect(page.getByTestId('dossier-state')).toHaveText(expectedState);
  await expect(page.getByTestId('step-done')).toBeVisible();
}

test.describe('dossiers', () => {
  test('an employer owner registers a hire and moves it to OFII through the dossier page, then finds it on the dashboard and the list', async ({
    page,
  }) => {
    const accounts = demoAccounts();
    await signIn(page, accounts.employerOwner);
    await expect(page).toHaveURL(/\/tableau-de-bord$/);
    await expect(page.getByTestId('stage-tile-ofii')).toBeVisible();
    const ofiiBefore = Number.parseInt(
      (await page.getByTestId('stage-tile-ofii').textContent()) ?? '0',
      10,
    );

    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-new').click();
    await expect(page).toHaveURL(/\/dossiers\/new$/);

    const passport = `E2E${randomLetters(3)}${Date.now().toString().slice(-5)}`;
    const givenNames = `Karim ${randomLetters(4)}`;
    await page.getByTestId('worker-surname').fill('Essaidi');
    await page.getByTestId('worker-given-names').fill(givenNames);
    await page.getByTestId('worker-birth-date').fill('14/02/1994');
    await page.getByTestId('worker-nationality').click();
    await page.getByRole('option', { name: 'Maroc' }).click();
    await page.getByTestId('worker-passport-number').fill(passport);
    // An expired passport is refused as it is typed.
    await page.getByTestId('worker-passport-expiry').fill('01/01/2020');
    await page.getByTestId('worker-passport-expiry').blur();
    await expect(page.getByTestId('passport-expired')).toBeVisible();
    await page.getByTestId('worker-passport-expiry').fill(yearsFromToday(5));
    await page.getByTestId('dossier-job-title').fill('Ouvrier viticole');
    await page.getByTestId('dossier-planned-start').fill(yearsFromToday(1));
    await page.getByTestId('dossier-planned-end').fill(yearsFromToday(1));
    await expect(
      page.getByTestId('dossier-shortage').locator('input'),
    ).toBeChecked();
    await page.getByTestId('new-hire-submit').click();

    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('dossier-title')).toHaveText(
      `Essaidi ${givenNames}`,
    );
    await expect(page.getByTestId('dossier-state')).toHaveText('Brouillon');

    const today = parisToday();
    await recordStep(
      page,
      'AT_SUBMITTED',
      'Autorisation de travail demandée',
      async () => {
        await page.getByTestId('field-submissionDate').fill(today);
      },
    );
    await recordStep(
      page,
      'AT_GRANTED',
      'Autorisation de travail accordée',
      async () => {
        await page.getByTestId('field-permitNumber').fill('AT-47-2027-E2E');
        await page.getByTestId('field-grantDate').fill(today);
      },
    );
    await recordStep(
      page,
      'AWAITING_OFII',
      'Transmis à l’OFII, en attente de convocation',
      async () => {
        // A required field left empty is named before anything is sent.
        await page.getByTestId('transition-submit').click();
        await expect(
          page.getByText('Ce champ est obligatoire.').first(),
        ).toBeVisible();
        await page.getByTestId('field-transmissionDate').fill(today);
        await page.getByTestId('field-ofiiOffice').click();
        await page
          .getByRole('option', { name: 'OFII Casablanca (Maroc)' })
          .click();
      },
    );
    const timeline = page.getByTestId('timeline-event');
    await expect(timeline).toHaveCount(4);
    await expect(timeline.last()).toContainText('OFII Casablanca (Maroc)');

    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('stage-tile-ofii')).toContainText(
      String(ofiiBefore + 1),
    );
    await page.getByTestId('stage-tile-ofii').click();
    await expect(page).toHaveURL(/\/dossiers\?stage=ofii$/);
    await page.getByTestId('dossier-search').fill(passport);
    const row = page.getByTestId('dossier-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`Essaidi ${givenNames}`);
    await expect(row).toContainText(`•${passport.slice(-3)}`);
    await expect(row).not.toContainText(passport);
  });

  test('a written visa refusal shows its CRRV deadline, labelled as computed and to be checked by the firm', async ({
    page,
  }) => {
    const accounts = demoAccounts();
    await signIn(page, accounts.employerOwner);
    await page.goto('/dossiers?state=VISA_FILED');
    const rows = page.getByTestId('dossier-row');
    await expect(rows.first()).toBeVisible();
    await expect(rows.first()).toContainText('Demande de visa déposée');
    await rows.first().locator('a').first().click();
    await expect(page.getByTestId('dossier-state')).toHaveText(
      'Demande de visa déposée',
    );

    await recordStep(
      page,
      'VISA_REFUSED',
      'Visa refusé (décision écrite)',
      async () => {
        await page.getByTestId('field-notificationDate').fill(parisToday());
        await page
          .getByRole('checkbox', {
            name: 'Absence de justification de ressources suffisantes',
          })
          .check();
      },
    );

    const crrv = page.locator(
      '[data-testid="deadline"][data-kind="crrv_appeal"]',
    );
    await expect(crrv).toBeVisible();
    await expect(crrv.getByTestId('deadline-countdown')).toHaveText(/^J-3\d$/);
    await expect(crrv.getByTestId('deadline-notice')).toHaveText(
      'calculée - à vérifier par le cabinet',
    );
    await expect(page.getByTestId('step-CRRV_FILED')).toBeVisible();
  });
});

test.describe('dossier list on a phone', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

  test('at 390x844 the dossier list fits the screen', async ({
    page,
  }, testInfo) => {
    const accounts = demoAccounts();
    await signIn(page, accounts.employerOwner);
    await page.goto('/dossiers');
    await expect(page.getByTestId('dossier-row').first()).toBeVisible();
    await expect(page.getByTestId('deadline-countdown').first()).toBeVisible();

    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(innerWidth).toBe(390);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.screenshot({
      path: testInfo.outputPath('dossiers-390x844.png'),
      fullPage: false,
    });
  });
});
