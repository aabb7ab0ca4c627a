import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, fillNewCase, launch, signIn, stage } from './browser.js';

/** The registration form as a Kurigram caseworker meets it on a phone, in Bangla. */
describe('registering a child', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('finds the place in the worker\'s own area by name, takes a date of birth, finds concerns by a word, and shows a child already on record', async () => {
    const nameBn = 'তাসলিমা ফেরদৌসী';
    let caseNumber = '';
    await stage('place, date of birth and concerns', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      await signIn(page, 'kurigram.caseworker');
      await page.waitForSelector('h1:has-text("আমার কেসসমূহ")');
      await page.goto(`${baseUrl()}/cases/new`);
      await page.fill('input[name=nameBn]', nameBn);
      // Two unions are called Jatrapur: the worker's own (Kurigram Sadar) comes first, named by
      // union, upazila and district in Bangla, never by code.
      await page.fill('.unit-picker input', 'Jatrapur');
      await page.waitForSelector('.unit-choices label');
      const choices = page.locator('.unit-choices');
      expect(await choices.locator('.choice-group').first().innerText()).toBe('আপনার এলাকায়');
      const first = choices.locator('label').first();
      // (NFC on both sides: the reference data and this file may spell ড় in different code points.)
      expect((await first.innerText()).normalize('NFC')).toBe('যাত্রাপুর · কুড়িগ্রাম সদর · কুড়িগ্রাম'.normalize('NFC'));
      expect(await choices.innerText()).not.toMatch(/\d{4}/);
      await first.click();
      expect((await page.locator('.unit-picker .chosen').innerText()).normalize('NFC')).toContain('যাত্রাপুর · কুড়িগ্রাম সদর'.normalize('NFC'));
      // An upazila is accepted too: change the place to Kurigram Sadar itself, then back.
      await page.getByRole('button', { name: 'বদলান' }).click();
      await page.fill('.unit-picker input', 'কুড়িগ্রাম সদর');
      await page.locator('.unit-choices label:has-text("সদর")').first().waitFor();
      await page.fill('.unit-picker input', 'Jatrapur');
      await page.locator('.unit-choices label').first().click();
      // A date of birth instead of an age.
      await page.fill('input[name=dateOfBirth]', '2014-05-10');
      // Concerns: a word in Bangla finds child marriage; the chosen concern is listed on top.
      await page.fill('#f-concern-filter', 'বাল্যবিবাহ');
      const marriage = page.locator('input[name=concerns]').first();
      await marriage.check();
      expect(await page.locator('.chips').innerText()).toContain('বাল্যবিবাহ');
      await page.locator('form button[type=submit]').click();
      await page.waitForSelector(`h1:has-text("${nameBn}")`);
      caseNumber = await page.locator('h1 .case-number').innerText();
      const summary = await page.locator('[role=tabpanel]:visible').innerText();
      expect(summary).toContain('১০ মে ২০১৪');
      expect(summary).toContain('যাত্রাপুর');
      await context.close();
    });
    await stage('the same child typed again in Latin letters is shown as possibly known before a second case is made', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      await signIn(page, 'kurigram.caseworker');
      await page.waitForSelector('main.content h1');
      await fillNewCase(page, { nameEn: 'Taslima Ferdousi', age: 12, union: { search: 'Jatrapur', code: '554952-N4122' }, concerns: ['violence.child_marriage'] });
      const possible = page.locator(`.possible:has-text("${caseNumber}")`);
      await possible.waitFor();
      expect(await possible.innerText()).toContain(nameBn);
      expect(await possible.locator('h2').innerText()).toBe('এই শিশু কি আগে থেকেই নথিভুক্ত?');
      await context.close();
    });
  }, 180_000);
});
