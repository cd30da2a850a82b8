import { Page, expect, test } from '@playwright/test';
import { demoAccounts } from './support/accounts';
import { apiPost, ownEmployerId } from './support/api';
import { horizontalOverflow } from './support/layout';
import { samplePdf, windowsProgram } from './support/pdf';
import { signIn } from './support/sign-in';

/** Today in Paris, 'YYYY-MM-DD'. */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function plusYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(year) + years}-${month}-${day === '29' && month === '02' ? '28' : day}`;
}

function randomLetters(length: number): string {
  return Array.from({ length }, () =>
    String.fromCharCode(65 + Math.floor(Math.random() * 26)),
  ).join('');
}

/**
 * A fresh hire whose work permit has been requested (set up through the API: the dossier pages have
 * their own spec). Its checklist does not expect the permit yet; uploading it offers to record it.
 */
async function dossierWithPermitRequested(page: Page): Promise<string> {
  const employerId = await ownEmployerId(page);
  const base = `/api/employers/${employerId}`;
  const today = parisToday();
  const worker = await apiPost<{ id: string }>(page, `${base}/workers`, {
    surname: 'Ouali',
    givenNames: `Hamid ${randomLetters(4)}`,
    birthDate: '1991-03-12',
    nationality: 'MA',
    passportNumber: `DOC${randomLetters(3)}${Date.now().toString().slice(-5)}`,
    passportExpiry: plusYears(today, 5),
  });
  const dossier = await apiPost<{ id: string }>(page, `${base}/dossiers`, {
    workerId: worker.id,
    jobTitle: 'Ouvrier arboricole',
    contractType: 'seasonal',
    plannedStart: plusYears(today, 1),
    plannedEnd: plusYears(today, 1),
  });
  await apiPost(page, `${base}/dossiers/${dossier.id}/transitions`, {
    to: 'AT_SUBMITTED',
    data: { submissionDate: today },
  });
  return dossier.id;
}

/** 'YYYY-MM-DD' as the forms take it: dd/mm/yyyy. */
function dayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** Uploads a file to a dossier through the API as the signed-in user (text parts first, file last). */
async function uploadThroughApi(
  page: Page,
  dossierPath: string,
  type: string,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  const response = await page.request.post(`${dossierPath}/documents`, {
    headers: xsrf ? { 'X-XSRF-TOKEN': xsrf } : {},
    multipart: { type, file },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Slows uploads down (bytes per second) so the progress bar can be seen, as on a farm's connection. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return () =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
}

test.describe('documents', () => {
  test('an employer uploads a work permit PDF with its progress bar, records it in the dossier, previews it and sees the checklist tick; a program renamed .pdf is refused with its reason', async ({
    page,
  }) => {
    await signIn(page, demoAccounts().employerOwner);
    const dossierId = await dossierWithPermitRequested(page);
    await page.goto(`/dossiers/${dossierId}`);
    await expect(page.getByTestId('dossier-state')).toHaveText(
      'Autorisation de travail demandée',
    );

    const card = page.getByTestId('dossier-documents');
    const checklistItem = (type: string) =>
      card.locator(`[data-testid="checklist-item"][data-type="${type}"]`);
    await expect(checklistItem('passport')).toHaveAttribute(
      'data-present',
      'false',
    );
    await expect(checklistItem('passport')).toContainText('Manquant');
    // The permit is not expected before it is granted.
    await expect(checklistItem('work_permit')).toHaveCount(0);
    await expect(card.getByTestId('documents-empty')).toBeVisible();

    await card.getByTestId('document-type').click();
    await page.getByRole('option', { name: 'Autorisation de travail' }).click();
    await card.getByTestId('document-reference').fill('AT-47-E2E-0001');
    // A day that does not exist is named as it is typed.
    await card.getByTestId('document-valid-from').fill('31/02/2026');
    await card.getByTestId('document-valid-from').blur();
    await expect(
      card.getByText('Date attendue au format jj/mm/aaaa.'),
    ).toBeVisible();
    const today = parisToday();
    const validUntil = plusYears(today, 1);
    await card.getByTestId('document-valid-from').fill(dayMonthYear(today));
    await card
      .getByTestId('document-valid-until')
      .fill(dayMonthYear(validUntil));

    await card.getByTestId('document-file-input').setInputFiles({
      name: 'autorisation-travail.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('Autorisation de travail AT-47-E2E-0001', 120_000),
    });
    const file = card.getByTestId('upload-file');
    await expect(file).toHaveAttribute('data-status', 'ready');
    await expect(file).toContainText('autorisation-travail.pdf');

    // On a slow line (40 KB/s, as from a farm office) the progress bar moves.
    const unthrottle = await throttleUploads(page, 40 * 1024);
    await card.getByTestId('upload-submit').click();
    await expect(file.getByTestId('upload-progress')).toBeVisible();
    await expect(file.getByTestId('upload-status')).toContainText(
      /Envoi… \d+ %/,
    );
    await expect(file).toHaveAttribute('data-status', 'done', {
      timeout: 30_000,
    });
    await unthrottle();
    await expect(file.getByTestId('upload-progress')).toHaveCount(0);

    const row = card.getByTestId('document-row');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-type', 'work_permit');
    await expect(row).toContainText('Autorisation de travail');
    await expect(row).toContainText('AT-47-E2E-0001');
    await expect(row).toContainText(
      `du ${dayMonthYear(today)} au ${dayMonthYear(validUntil)}`,
    );

    // The upload offers to record the permit in the dossier: one click, and the permit step is done.
    const suggestion = card.getByTestId('permit-suggestion');
    await expect(suggestion).toContainText('AT-47-E2E-0001');
    await suggestion.getByTestId('permit-apply').click();
    await expect(card.getByTestId('permit-applied')).toBeVisible();
    await expect(page.getByTestId('dossier-state')).toHaveText(
      'Autorisation de travail accordée',
    );
    // Now expected, and ticked.
    await expect(checklistItem('work_permit')).toHaveAttribute(
      'data-present',
      'true',
    );
    await expect(checklistItem('work_permit')).toContainText('Présent');

    // Preview: the PDF in a frame (the browser's own viewer), served inline by the API.
    await row.getByTestId('document-preview').click();
    const frame = page.getByTestId('document-preview-frame');
    await expect(frame).toBeVisible();
    const previewUrl = await frame.getAttribute('src');
    expect(previewUrl).toMatch(/\/documents\/[0-9a-f-]{36}\/preview$/);
    const previewed = await page.request.get(previewUrl ?? '');
    expect(previewed.status()).toBe(200);
    expect(previewed.headers()['content-type']).toContain('application/pdf');
    expect(previewed.headers()['content-disposition']).toMatch(/^inline/);
    expect(previewed.headers()['x-content-type-options']).toBe('nosniff');
    expect((await previewed.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('document-preview-close').click();
    await expect(frame).toHaveCount(0);

    // A Windows program renamed .pdf: refused with the reason next to it, nothing added.
    await card.getByTestId('document-file-input').setInputFiles({
      name: 'permis-scan.pdf',
      mimeType: 'application/pdf',
      buffer: windowsProgram(),
    });
    await card.getByTestId('document-reference').fill('AT-47-E2E-0002');
    await card.getByTestId('upload-submit').click();
    const refused = card
      .getByTestId('upload-file')
      .filter({ hasText: 'permis-scan.pdf' });
    await expect(refused).toHaveAttribute('data-status', 'refused');
    await expect(refused.getByTestId('upload-refusal')).toContainText(
      'Ce fichier est un programme',
    );
    // The form keeps what was typed, and the list did not change.
    await expect(card.getByTestId('document-reference')).toHaveValue(
      'AT-47-E2E-0002',
    );
    await expect(row).toHaveCount(1);
  });

  test('the documents card fits a phone: no sideways scrolling, the camera button offered', async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    try {
      await signIn(page, demoAccounts().employerOwner);
      const dossierId = await dossierWithPermitRequested(page);
      await page.goto(`/dossiers/${dossierId}`);
      const card = page.getByTestId('dossier-documents');
      await card.scrollIntoViewIfNeeded();
      await expect(card.getByTestId('document-camera')).toBeVisible();
      await expect(card.getByTestId('document-camera-input')).toHaveAttribute(
        'capture',
        'environment',
      );
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    } finally {
      await context.close();
    }
  });
  test('an employer deletes a document after confirming; firm staff see it among the deleted ones and restore it', async ({
    page,
    browser,
  }) => {
    const accounts = demoAccounts();
    await signIn(page, accounts.employerOwner);
    const employerId = await ownEmployerId(page);
    const dossierId = await dossierWithPermitRequested(page);
    await uploadThroughApi(
      page,
      `/api/employers/${employerId}/dossiers/${dossierId}`,
      'employment_contract',
      {
        name: 'contrat-signe.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf('Contrat de travail saisonnier'),
      },
    );
    await page.goto(`/dossiers/${dossierId}`);
    const card = page.getByTestId('dossier-documents');
    const contract = card.locator(
      '[data-testid="checklist-item"][data-type="employment_contract"]',
    );
    await expect(contract).toHaveAttribute('data-present', 'true');
    const row = card.getByTestId('document-row');
    await expect(row).toHaveCount(1);
    // An employer cannot see deleted documents, so has no such switch.
    await expect(card.getByTestId('documents-show-deleted')).toHaveCount(0);

    await row.getByTestId('document-delete').click();
    await expect(page.getByRole('dialog')).toContainText('contrat-signe.pdf');
    await page.getByTestId('confirm-cancel').click();
    await expect(row).toHaveCount(1);
    await row.getByTestId('document-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect(row).toHaveCount(0);
    await expect(contract).toHaveAttribute('data-present', 'false');

    const firmContext = await browser.newContext();
    const firm = await firmContext.newPage();
    try {
      await signIn(firm, accounts.firmAdmin);
      await firm.goto(`/firm/employers/${employerId}/dossiers/${dossierId}`);
      const firmCard = firm.getByTestId('dossier-documents');
      await expect(firmCard.getByTestId('documents-empty')).toBeVisible();
      await firmCard.getByTestId('documents-show-deleted').click();
      const deleted = firmCard.getByTestId('document-row');
      await expect(deleted).toContainText('Supprimé le');
      await expect(deleted.getByTestId('document-preview')).toHaveCount(0);
      await deleted.getByTestId('document-restore').click();
      await expect(deleted).not.toContainText('Supprimé le');
      await expect(deleted.getByTestId('document-preview')).toBeVisible();
    } finally {
      await firmContext.close();
    }

    await page.reload();
    await expect(row).toHaveCount(1);
    await expect(contract).toHaveAttribute('data-present', 'true');
  });
});
