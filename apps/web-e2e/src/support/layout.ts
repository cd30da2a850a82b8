import { Page } from '@playwright/test';

/** How wide the page is compared with the screen (a horizontal scrollbar when larger). */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: (document.scrollingElement ?? document.documentElement)
      .scrollWidth,
    innerWidth: window.innerWidth,
  }));
}
