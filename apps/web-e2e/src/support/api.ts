import { Page, expect } from '@playwright/test';

/**
 * Calls the API as the signed-in user of `page` (its cookies), with the XSRF header the API asks of
 * every state-changing request. For setting up data a spec is not about.
 */
export async function apiPost<T>(
  page: Page,
  path: string,
  body: unknown,
): Promise<T> {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  const response = await page.request.post(path, {
    data: body,
    headers: xsrf ? { 'X-XSRF-TOKEN': xsrf } : {},
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(
    300,
  );
  return (await response.json()) as T;
}

/** The signed-in user's employer. */
export async function ownEmployerId(page: Page): Promise<string> {
  const response = await page.request.get('/api/auth/session');
  const session = (await response.json()) as {
    user: { employerId: string | null };
  };
  if (!session.user.employerId) {
    throw new Error('The signed-in user has no employer');
  }
  return session.user.employerId;
}
