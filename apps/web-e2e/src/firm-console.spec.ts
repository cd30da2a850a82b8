import { Page, expect, test } from '@playwright/test';
import type { DossierReminderHistory } from '@moisson/contract';
import { DemoAccount, demoAccounts } from './support/accounts';
import { apiPost } from './support/api';
import { horizontalOverflow } from './support/layout';
import { signIn } from './support/sign-in';

/** The seeded firm staff member (not a firm admin): E2E_ACCOUNTS holds every demo account by key. */
function firmStaff(): DemoAccount {
  demoAccounts();
  const accounts = JSON.parse(process.env['E2E_ACCOUNTS'] ?? '{}') as Record<
    string,
    DemoAccount | undefined
  >;
  if (!accounts['firmStaff']) {
    throw new Error(
      'E2E_ACCOUNTS has no firmStaff account (seeded by the demo seed)',
    );
  }
  return accounts['firmStaff'];
}

/** Days waited, from "attente max. 100 j". */
async function longestWait(page: Page, row: number): Promise<number> {
  const text = await page
    .getByTestId('overview-overdue')
    .nth(row)
    .textContent();
  return Number(/(\d+)\s*j/.exec(text ?? '')?.[1] ?? Number.NaN);
}

test.describe('firm console', () => {
  test('firm staff find the employer with an overdue convocation from the overview, act for it, open the dossier and see its reminder history', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);

    // The hourly reminder sweep, run now by a firm admin, so that the overdue dossiers have reminders.
    const adminContext = await browser.newContext();
    try {
      const admin = await adminContext.newPage();
      await signIn(admin, demoAccounts().firmAdmin);
      await apiPost(admin, '/api/firm/reminders/sweep', {});
    } finally {
      await adminContext.close();
    }

    // 1. Firm staff land on the overview.
    await signIn(page, firmStaff());
    await expect(page).toHaveURL(/\/firm\/overview$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "Vue d'ensemble des employeurs",
    );
    await expect(page.getByTestId('overview-row').first()).toBeVisible();

    // 2. Only employers with an overdue convocation, longest wait first (both kept in the address).
    await page.getByTestId('filter-overdue').locator('input').check();
    await expect(page).toHaveURL(/overdue=true/);
    await page.getByTestId('sort-longestWait').click();
    await expect(page).toHaveURL(/sort=longestWait/);
    const rows = page.getByTestId('overview-row');
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    for (let index = 0; index < count; index++) {
      await expect(
        rows.nth(index).getByTestId('overview-overdue-link'),
      ).toContainText('en retard');
    }
    if (count > 1) {
      expect(await longestWait(page, 0)).toBeGreaterThanOrEqual(
        await longestWait(page, 1),
      );
    }
    expect(await longestWait(page, 0)).toBeGreaterThanOrEqual(30);
    const employerName = (
      (await rows.first().getByTestId('overview-employer').textContent()) ?? ''
    ).trim();
    expect(employerName).not.toBe('');

    // 3. Its overdue dossiers, with the reminder that staff act for the employer.
    await rows.first().getByTestId('overview-overdue-link').click();
    await expect(page).toHaveURL(
      /\/firm\/employers\/[0-9a-f-]{36}\/dossiers\?overdue=true$/,
    );
    await expect(page.getByTestId('acting-for')).toContainText(
      `Vous agissez pour ${employerName}.`,
    );
    const dossierRows = page.getByTestId('dossier-row');
    await expect(dossierRows.first()).toBeVisible();
    await dossierRows.first().locator('a').first().click();

    // 4. The dossier: still waiting for OFII, overdue, with its reminder history.
    await expect(page).toHaveURL(
      /\/firm\/employers\/[0-9a-f-]{36}\/dossiers\/[0-9a-f-]{36}$/,
    );
    await expect(page.getByTestId('dossier-state')).toHaveText(
      'Transmis à l’OFII, en attente de convocation',
    );
    await expect(page.getByTestId('acting-for')).toBeVisible();
    const [, employerId, dossierId] =
      /\/firm\/employers\/([^/]+)\/dossiers\/([^/?]+)/.exec(page.url()) ?? [];
    await expect
      .poll(
        async () => {
          const response = await page.request.get(
            `/api/employers/${employerId}/dossiers/${dossierId}/reminders`,
          );
          return ((await response.json()) as DossierReminderHistory).reminders
            .length;
        },
        { timeout: 30_000, message: 'the sweep records the overdue reminder' },
      )
      .toBeGreaterThan(0);
    await page.reload();
    const history = page.getByTestId('dossier-reminders');
    await expect(history).toBeVisible();
    await expect(history.getByTestId('dossier-reminder').first()).toBeVisible();

    // 5. The notes card is there for staff, and the page fits a phone.
    await expect(page.getByTestId('notes-panel')).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/firm/overview?overdue=true');
    await expect(page.getByTestId('overview-row').first()).toBeVisible();
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
