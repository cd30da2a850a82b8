import { Browser, Page, expect, test } from '@playwright/test';
import { DemoAccount, demoAccounts } from './support/accounts';
import { apiPost, ownEmployerId } from './support/api';
import { horizontalOverflow } from './support/layout';
import { clearMail, linkIn, waitForMail } from './support/mail';
import { signIn } from './support/sign-in';

/** A Paris calendar date `daysAgo` days before today, 'YYYY-MM-DD'. */
function parisDaysAgo(daysAgo: number): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  return new Date(Date.UTC(year, month - 1, day - daysAgo))
    .toISOString()
    .slice(0, 10);
}

function randomLetters(length: number): string {
  return Array.from({ length }, () =>
    String.fromCharCode(65 + Math.floor(Math.random() * 26)),
  ).join('');
}

interface WaitingHire {
  dossierId: string;
  surname: string;
  givenNames: string;
  passportNumber: string;
}

/**
 * A hire sent to OFII Casablanca 45 days ago and never convoked (set up through the API, as the
 * employer owner): past the 30-day threshold, so the next sweep owes the employer a follow-up.
 */
async function hireWaitingForOfii(page: Page): Promise<WaitingHire> {
  const employerId = await ownEmployerId(page);
  const base = `/api/employers/${employerId}`;
  const surname = `Relance${randomLetters(4).toLowerCase()}`;
  const givenNames = `Youssef ${randomLetters(3)}`;
  const passportNumber = `RL${randomLetters(2)}${Date.now().toString().slice(-6)}`;
  const nextYear = String(Number(parisDaysAgo(0).slice(0, 4)) + 1);
  const worker = await apiPost<{ id: string }>(page, `${base}/workers`, {
    surname,
    givenNames,
    birthDate: '1992-06-18',
    nationality: 'MA',
    passportNumber,
    passportExpiry: `${Number(nextYear) + 4}-06-30`,
  });
  const dossier = await apiPost<{ id: string }>(page, `${base}/dossiers`, {
    workerId: worker.id,
    jobTitle: 'Ouvrier viticole',
    contractType: 'seasonal',
    plannedStart: `${nextYear}-08-25`,
    plannedEnd: `${nextYear}-10-31`,
  });
  const steps: Array<[string, Record<string, unknown>]> = [
    ['AT_SUBMITTED', { submissionDate: parisDaysAgo(70) }],
    [
      'AT_GRANTED',
      {
        permitNumber: `AT-47-${randomLetters(4)}`,
        grantDate: parisDaysAgo(55),
      },
    ],
    [
      'AWAITING_OFII',
      { transmissionDate: parisDaysAgo(45), ofiiOffice: 'casablanca' },
    ],
  ];
  for (const [to, data] of steps) {
    await apiPost(page, `${base}/dossiers/${dossier.id}/transitions`, {
      to,
      data,
    });
  }
  return { dossierId: dossier.id, surname, givenNames, passportNumber };
}

async function signedInPage(
  browser: Browser,
  account: DemoAccount,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

test.describe('reminders', () => {
  test('a dossier left at OFII past the threshold: the firm runs the sweep, the employer reads the digest, sends the follow-up and the dossier records it', async ({
    page,
    browser,
  }) => {
    const accounts = demoAccounts();
    await clearMail();
    await signIn(page, accounts.employerOwner);
    const hire = await hireWaitingForOfii(page);

    // The firm admin runs the sweep now, from the outbox page, and sends the digests at once
    // instead of at tomorrow's 07:00.
    const firm = await signedInPage(browser, accounts.firmAdmin);
    await firm.goto('/firm/reminders');
    await firm.getByTestId('outbox-send-digests-now').locator('input').check();
    await firm.getByTestId('outbox-sweep').click();
    await expect(firm.getByTestId('outbox-sweep-done')).toContainText(
      'Vérification demandée à',
    );
    await firm.context().close();

    // The digest reaches the employer owner, in French.
    const mail = await waitForMail(
      accounts.employerOwner.email,
      /^Moisson : .*rappels? .*relances? OFII à envoyer/,
    );
    const followUpName = `${hire.surname.toUpperCase()} ${hire.givenNames}`;
    expect(mail.subject).toContain('relance');
    expect(mail.text).toContain('Relance - demande de convocation');
    expect(mail.text).toContain('Madame, Monsieur,');
    expect(mail.text).toContain(`. ${followUpName}`);
    expect(mail.text).toContain(`Passeport n° ${hire.passportNumber}`);
    expect(mail.text).toMatch(/soit 45[\s\u00a0]jours d'attente/);
    expect(mail.text).toContain(
      "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    );

    // A person can read it: the HTML part, shown in the browser at phone width.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.setContent(mail.html ?? '');
    await expect(
      page.getByRole('heading', { name: 'Vos rappels du jour' }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Relances à envoyer à l’OFII' }),
    ).toBeVisible();
    await expect(page.getByText(followUpName).first()).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'J’ai envoyé la relance' }).first(),
    ).toBeVisible();
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The relance link opens a public page: it shows what it records, and records it on confirmation.
    const relancePath = linkIn(mail, '/relance/');
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(relancePath);
    await expect(visitor.getByTestId('relance-office')).toHaveText(
      'OFII Casablanca',
    );
    await expect(visitor.getByTestId('relance-workers')).toContainText(
      new RegExp(hire.surname, 'i'),
    );
    await expect(visitor.getByTestId('relance-workers')).not.toContainText(
      hire.passportNumber,
    );
    await visitor.getByTestId('relance-confirm').click();
    await expect(visitor.getByTestId('relance-confirmed')).toContainText(
      'Relance enregistrée le',
    );
    // Opening the link again says it was already recorded, and offers nothing more to click.
    await visitor.reload();
    await expect(visitor.getByTestId('relance-confirmed')).toContainText(
      'déjà été enregistrée',
    );
    await expect(visitor.getByTestId('relance-confirm')).toHaveCount(0);
    await visitor.context().close();

    // "Relance envoyée" is on the dossier's timeline and in its reminders card.
    await page.goto(`/dossiers/${hire.dossierId}`);
    const relanceEvent = page
      .getByTestId('timeline-event')
      .filter({ hasText: 'Relance OFII' });
    await expect(relanceEvent).toHaveCount(1);
    await expect(page.getByTestId('dossier-relance')).toContainText(
      'Relance envoyée à OFII Casablanca (Maroc) le',
    );
    await expect(page.getByTestId('dossier-reminder').first()).toContainText(
      'Convocation OFII en retard',
    );
  });
});
