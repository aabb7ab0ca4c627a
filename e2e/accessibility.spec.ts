import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { authenticator } from 'otplib';
import { DEMO_ADMIN_TOTP_SECRET } from '../src/server/seed/demo.js';
import { baseUrl, launch, signIn } from './browser.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
type Violation = { id: string; impact: string | null; nodes: Array<{ target: string[] }> };

/** Serious and critical axe-core findings on the page as it is now, in a readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  // The experimental rules too: label-content-name-mismatch (a control's visible text not in its name) is one.
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'] },
  })).violations);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Each page of the signed-in shell in turn, once it has loaded: its findings, named by path. */
async function pagesViolations(page: Page, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(`${baseUrl()}${path}`);
    await page.waitForSelector('main.content h1');
    await page.waitForLoadState('networkidle');
    found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
  }
  return found;
}

// Every page a caseworker reaches, and the sign-in pages, in both languages and both widths.
const PAGES = ['/', '/cases', '/cases/new', '/cases/import', '/transfers', '/referrals', '/services', '/geo', '/account', '/people/review'];
// The helpline supervisor's (the agent's two and the board and analytics).
const HELPLINE_PAGES = ['/helpline', '/helpline/new', '/helpline/board', '/helpline/analytics'];
// The district officer's list import (record linkage), the capitation claims, and the facility form.
const OFFICER_PAGES = ['/people/import', '/facilities/new', '/grants'];
// An institution manager's: the registry, the admission form (a child arriving with no case, and from a referral).
const INSTITUTION_PAGES = ['/', '/facilities', '/facilities/map', '/facilities/admit', '/facilities/admit?referral=00000000-0000-4000-8000-000000000000'];
// And the administrator's, behind two-factor.
const ADMIN_PAGES = ['/admin/users', '/admin/organisations', '/admin/roles', '/admin/audit', '/admin/jobs'];

// The pages do not depend on the database: checked once, on the embedded one (the server run skips it).
describe.skipIf(Boolean(process.env.DATABASE_URL))('accessibility (axe-core): no serious or critical violation on any page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const lang of ['en', 'bn'] as const) {
    for (const width of [360, 1280]) {
      it(`in ${lang === 'en' ? 'English' : 'Bangla'} at ${width} px`, async () => {
        // bypassCSP lets the test inject axe-core; the app's own pages are unchanged.
        const context = await browser.newContext({ viewport: { width, height: 800 }, locale: lang === 'en' ? 'en-GB' : 'bn-BD', bypassCSP: true });
        const page = await context.newPage();
        const found: string[] = [];
        await page.goto(`${baseUrl()}/login`);
        await page.evaluate((l) => localStorage.setItem('ncpp.lang', l), lang);
        for (const path of ['/login', '/forgot-password', '/reset-password?token=x']) {
          await page.goto(`${baseUrl()}${path}`);
          await page.waitForSelector('form');
          found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
        }
        await signIn(page, 'kurigram.supervisor');
        await page.waitForSelector('main.content h1');
        found.push(...(await pagesViolations(page, PAGES)));
        // A case file, the longest page.
        await page.goto(`${baseUrl()}/cases`);
        await page.locator('.case-card a').first().click();
        await page.waitForSelector('[role=tablist]');
        // Each of its tabs in turn (only the open one is on the page).
        const tabs = page.getByRole('tab');
        for (let i = 0; i < (await tabs.count()); i++) {
          await tabs.nth(i).click();
          await page.waitForLoadState('networkidle');
          found.push(...(await seriousViolations(page)).map((v) => `case file, tab ${i + 1}: ${v}`));
        }
        // The child of that case across sources (record linkage's person view).
        await page.getByRole('tab').first().click();
        await page.locator('[role=tabpanel]:visible a[href^="/people/"]').first().click();
        await page.waitForSelector('dl.record');
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(page)).map((v) => `person view: ${v}`));
        // The registration form with its place choices and a concern group open.
        await page.goto(`${baseUrl()}/cases/new`);
        await page.fill('.unit-picker input', 'Holokhana');
        await page.waitForSelector('.unit-choices input[type=radio]');
        await page.locator('details.concern-group > summary').first().click();
        found.push(...(await seriousViolations(page)).map((v) => `registration, choices open: ${v}`));

        await context.clearCookies();
        await signIn(page, 'admin');
        await page.waitForSelector('input[name=code]');
        found.push(...(await seriousViolations(page)).map((v) => `/login/two-factor: ${v}`));
        await page.fill('input[name=code]', authenticator.generate(DEMO_ADMIN_TOTP_SECRET));
        await page.locator('form button[type=submit]').click();
        await page.waitForSelector('main.content h1');
        found.push(...(await pagesViolations(page, ADMIN_PAGES)));
        // One account's page.
        await page.goto(`${baseUrl()}/admin/users`);
        await page.locator('main.content table a[href^="/admin/users/"]').first().click();
        await page.waitForSelector('main.content h1');
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(page)).map((v) => `an account's page: ${v}`));
        // The helpline desk, intake form, board and analytics.
        await context.clearCookies();
        await signIn(page, 'helpline.supervisor');
        await page.waitForSelector('main.content h1');
        found.push(...(await pagesViolations(page, HELPLINE_PAGES)));
        await context.clearCookies();
        await signIn(page, 'kurigram.officer');
        await page.waitForSelector('main.content h1');
        found.push(...(await pagesViolations(page, OFFICER_PAGES)));
        // A claim with its children and spot checks.
        await page.locator('[data-claim] a').first().click();
        await page.waitForSelector('[data-line]');
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(page)).map((v) => `a capitation claim: ${v}`));
        await context.clearCookies();
        await signIn(page, 'institution.manager');
        await page.waitForSelector('main.content h1');
        found.push(...(await pagesViolations(page, INSTITUTION_PAGES)));
        // Their facility: seats, deadlines, residents, with a transfer and a discharge form open.
        await page.goto(`${baseUrl()}/`);
        await page.locator('main.content a[href^="/facilities/"]').first().click();
        await page.locator('[data-resident]').first().waitFor();
        await page.locator('[data-resident]').first().getByRole('button').first().click();
        await page.locator('[data-resident]').nth(1).getByRole('button').nth(1).click();
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(page)).map((v) => `a facility's page, forms open: ${v}`));
        await context.close();
        expect(found).toEqual([]);
      });
    }
  }
});
