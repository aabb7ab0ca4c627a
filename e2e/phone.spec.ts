import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, signIn } from './browser.js';

const PHONE = { width: 360, height: 800 };

/** Opens the first case of the caseworker's list. */
async function openFirstCase(page: Page) {
  await page.goto(`${baseUrl()}/cases`);
  await page.locator('.case-card a').first().click();
  await page.waitForSelector('[role=tablist]');
}

/** A 360 px phone: one-row header, whole case numbers, the case page one section at a time with the next step first. */
describe('the app on a 360 px phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const [username, lang] of [['ngo.caseworker', 'English'], ['kurigram.caseworker', 'Bangla']] as const) {
    it(`keeps the header to one row and case numbers whole (${lang})`, async () => {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await signIn(page, username);
      await page.waitForSelector('main.content h1');
      const header = await page.locator('.topbar').boundingBox();
      // One row of 40 px controls with its padding; it was 98 px on two rows.
      expect(header!.height).toBeLessThanOrEqual(60);
      await openFirstCase(page);
      expect(await page.locator('.topbar').evaluate((e) => e.getBoundingClientRect().height)).toBeLessThanOrEqual(60);
      // The case number on one line: a single box, not broken at its hyphens.
      expect(await page.locator('h1 .case-number').evaluate((e) => e.getClientRects().length)).toBe(1);
      // Even when the heading is squeezed narrower than the number, it overflows whole rather than breaking.
      expect(await page.locator('h1 .case-number').evaluate((e) => {
        (e.parentElement as HTMLElement).style.width = '90px';
        return e.getClientRects().length;
      })).toBe(1);
      // Sign-out moved into the menu, still one tap away.
      await page.locator('.menu-button').click();
      expect(await page.locator('#main-nav .nav-signout').isVisible()).toBe(true);
      await context.close();
    });
  }

  it('puts the next step first and the rest behind tabs: about two screens, not six; the tab is kept in the address', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'ngo.caseworker');
    await page.waitForSelector('main.content h1');
    await openFirstCase(page);
    await page.waitForLoadState('networkidle');
    // In reading order: the next step (when there is one) comes before the tabs.
    const order = await page.evaluate(() => {
      const next = document.querySelector('#next-title');
      const tabs = document.querySelector('[role=tablist]')!;
      return next ? Boolean(next.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING) : true;
    });
    expect(order).toBe(true);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(PHONE.height * 2.5);
    // Keyboard: the arrow key moves to the next tab, which opens and lands in the address.
    await page.getByRole('tab', { name: 'Summary' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Family and caregivers' }).getAttribute('aria-selected')).toBe('true');
    await page.waitForURL(/\?tab=family$/);
    await page.reload();
    await page.waitForSelector('[role=tabpanel] h2:has-text("Family and caregivers")');
    // Only one section is on the page at a time.
    expect(await page.locator('[role=tabpanel]:visible').count()).toBe(1);
    expect(await page.locator('h2:has-text("Timeline")').count()).toBe(0);
    // Switching tabs neither reads the case file again nor loses what was being typed.
    let caseReads = 0;
    page.on('request', (r) => { if (/\/api\/v1\/cases\/[0-9a-f-]{36}$/.test(r.url())) caseReads++; });
    await page.getByRole('tab', { name: 'Notes and files' }).click();
    const note = page.locator('[role=tabpanel]:visible textarea').first();
    await note.fill('Half-written note');
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('tab', { name: 'Notes and files' }).click();
    expect(await note.inputValue()).toBe('Half-written note');
    await page.getByRole('tab', { name: 'Summary' }).click();
    expect(caseReads).toBe(0);
    await context.close();
  });
});
