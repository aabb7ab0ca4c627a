import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, fillNewCase, launch, signIn, stage } from './browser.js';

/** One child across sources, as a Kurigram caseworker and the district officer meet it. */
describe('record linkage in the web app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('shows the child known in Bangla first when registering her in Latin letters, and joins the new case to her', async () => {
    let personUrl = '';
    await stage('the Shishu Paribar record is the first possible match, and choosing it joins the case', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      await signIn(page, 'kurigram.caseworker');
      await page.waitForSelector('main.content h1');
      await fillNewCase(page, { nameEn: 'Shapla Khatun', sex: 'female', age: 13, union: { search: 'Jatrapur', code: '554952-N4122' }, concerns: ['violence.child_marriage'] });
      const first = page.locator('.possible li').first();
      await first.waitFor();
      expect((await first.innerText()).normalize('NFC')).toContain('শাপলা খাতুন'.normalize('NFC'));
      personUrl = (await first.locator('a[href^="/people/"]').getAttribute('href'))!;
      await first.getByRole('button', { name: 'এই সেই শিশু' }).click();
      expect(await first.getByRole('button').getAttribute('aria-pressed')).toBe('true');
      await page.locator('form button[type=submit]').click();
      await page.waitForSelector('h1 .case-number');
      const caseNumber = await page.locator('h1 .case-number').innerText();
      await page.goto(`${baseUrl()}${personUrl}`);
      await page.waitForSelector('main.content h1');
      // The person now holds the register's record and the new case's, and the case is on the timeline.
      expect(await page.locator('dl.record').count()).toBe(2);
      expect(await page.locator('.timeline').innerText()).toContain(caseNumber);
      await context.close();
    });
  }, 120_000);

  it('imports a list from the web: a bad line named, then the whole file, then the same file only when asked', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'kurigram.officer');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/people/import`);
    await page.waitForSelector('h1:has-text("ব্যক্তিদের তালিকা আমদানি")');
    const header = 'source_id,name,sex,birth_date,age_years,as_of,father_name,mother_name,phone,upazila_code,union_code';
    const file = (lines: string[]) => ({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n') + '\n') });
    const good = 'E2E-1,Rumana Khatun,F,,11,2026-10-01,,,,554994,';
    await page.setInputFiles('input[type=file]', file([good, '', 'E2E-2,Nobody,girlish,,9,2026-10-01,,,,554994,']));
    // Line 4: the blank line counts, as in the file.
    await page.waitForSelector('table td:has-text("sex")');
    expect(await page.locator('table tbody tr td').first().innerText()).toBe('৪');
    await page.setInputFiles('input[type=file]', file([good]));
    await page.waitForSelector('[role=status]:has-text("১টি রেকর্ড")');
    await page.setInputFiles('input[type=file]', file([good]));
    await page.waitForSelector('[role=alert]:has-text("আগে আমদানি")');
    await context.close();
  }, 120_000);

  it('lets the district officer judge a pair side by side, and the queue moves on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'kurigram.officer');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/people/review`);
    await page.waitForSelector('h1:has-text("এটি কি একই শিশু?")');
    await page.locator('.case-card.pair').first().waitFor();
    const count = async () => Number((await page.locator('.toolbar span').first().innerText()).replace(/[০-৯]/g, (d) => String('০১২৩৪৫৬৭৮৯'.indexOf(d))).replace(/\D/g, ''));
    const before = await count();
    const pair = page.locator('.case-card.pair').first();
    expect(await pair.locator('dl.record').count()).toBe(2);
    expect(await pair.locator('.agreements li').count()).toBe(5);
    await pair.getByRole('button', { name: 'ভিন্ন শিশু' }).click();
    await page.waitForFunction(async (n) => {
      const el = document.querySelector('.toolbar span');
      const text = (el?.textContent ?? '').replace(/[০-৯]/g, (d) => String('০১২৩৪৫৬৭৮৯'.indexOf(d))).replace(/\D/g, '');
      return Number(text) === n - 1;
    }, before);
    await context.close();
  }, 120_000);
});
