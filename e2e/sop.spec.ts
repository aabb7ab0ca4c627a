import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fillNewCase, launch, signIn, stage } from './browser.js';

/** A case moved through the SOP in the browser: caseworker's forms, then the supervisor's decision. */
describe('SOP steps in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  const openStep = async (page: Page, label: string) => {
    await page.locator('#next-title').waitFor();
    await page.getByRole('button', { name: label, exact: true }).click();
  };

  it('a caseworker records the assessments and a plan, and the supervisor approves it', async () => {
    // The case the stages share: made by the first, worked on by the rest.
    let caseUrl = '';
    await stage('the caseworker records the assessments and submits a plan', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      // An NGO caseworker who works in English; the DSS supervisor of the upazila decides.
      await signIn(page, 'ngo.caseworker');
      await page.waitForSelector('main.content h1');
      await fillNewCase(page, { nameEn: 'Jewel Rana', age: 12, union: { search: 'Belgacha', code: '554952-N4119' }, concerns: ['violence.child_labour'] });
      await page.locator('form button[type=submit]').click();
      await page.waitForSelector('h1:has-text("Jewel Rana")');
      caseUrl = page.url();

      await openStep(page, 'Initial assessment');
      await page.selectOption('select[name=immediateSafety]', 'at_risk');
      await page.fill('textarea[name=findings]', 'Carries bricks at a kiln from 6 am.');
      await page.selectOption('select[name=riskLevel]', 'high');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForSelector('.latest:has-text("Initial assessment recorded")');

      await openStep(page, 'Comprehensive assessment');
      await page.fill('textarea[name=safety]', 'Heavy loads and heat at the kiln');
      await page.fill('textarea[name=needs]', 'Leave hazardous work\nReturn to school');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForSelector('.latest:has-text("Comprehensive assessment recorded")');
      // Saved forms read back as labelled answers, not titles or stored JSON.
      await page.getByRole('tab', { name: 'Forms and history' }).click();
      const history = await page.locator('[role=tabpanel]:visible').innerText();
      for (const shown of ['Immediate safety', 'At risk', 'Carries bricks at a kiln from 6 am.', 'High risk', 'Heavy loads and heat at the kiln', 'Leave hazardous work\nReturn to school']) expect(history).toContain(shown);
      expect(history).not.toContain('immediateSafety');

      await openStep(page, 'Case plan');
      await page.fill('input[name=need]', 'Leave hazardous work');
      await page.fill('input[name=goal]', 'Out of the kiln within a month');
      await page.fill('input[name=action]', 'Meet the employer with the labour inspector');
      await page.fill('input[name=responsible]', 'Caseworker');
      await page.fill('input[name=due]', '2027-01-15');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForSelector('text=Plan approval');
      expect(await page.locator('main').innerText()).toContain('Case plan submitted for approval');
      // The next-step card says whose decision it waits for, and the assessment deadline is gone.
      await page.waitForSelector('#next-title');
      expect(await page.locator('section:has(#next-title)').innerText()).toContain('waiting for approval by Md Habibur Rahman');
      expect(await page.locator('main').innerText()).not.toMatch(/Initial assessment due/i);
      await context.close();
    });
    await stage('the supervisor approves the plan', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, 'kurigram.supervisor');
      await page.waitForSelector('main.content h1');
      await page.goto(caseUrl);
      await page.locator('#next-title').waitFor();
      await page.getByRole('button', { name: /পরিকল্পনার সিদ্ধান্ত|Decide on the plan/ }).click();
      await page.getByRole('button', { name: /^(অনুমোদন|Approve)$/ }).click();
      await page.waitForSelector('.latest:has-text("পরিকল্পনা অনুমোদিত"), .latest:has-text("Plan approved")');
      await context.close();
    });
  }, 300_000);
});
