import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, fillNewCase, launch, signIn, stage } from './browser.js';

describe('cases in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a child registered in Bangla: consent withdrawn on a phone, and invisible to another upazila', async () => {
    // The case the stages share: made by the first, worked on by the rest.
    let caseUrl = '';
    await stage('a caseworker registers a child through the form, in Bangla', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await signIn(page, 'kurigram.caseworker');
      await page.waitForSelector('h1:has-text("আমার কেসসমূহ")');
      await fillNewCase(page, { nameBn: 'হাবিবুর রহমান', nameEn: 'Habibur Rahman', sex: 'male', age: 11, union: { search: 'Holokhana', code: '554952-N4117' }, concerns: ['violence.child_labour'], risk: 'high' });
      await page.locator('form button[type=submit]').click();
      await page.waitForSelector('h1:has-text("হাবিবুর রহমান")');
      caseUrl = page.url();
      expect(caseUrl).toMatch(/\/cases\/[0-9a-f-]{36}$/);
      const text = await page.locator('main').innerText();
      expect(text).toContain('উচ্চ ঝুঁকি');
      expect(text).toContain('শিশুশ্রম');
      await context.close();
    });
    await stage('consent withdrawn through the reason dialog, in Bangla on a phone: a short note cannot be sent', async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await signIn(page, 'kurigram.caseworker');
      await page.waitForSelector('h1:has-text("আমার কেসসমূহ")');
      // The tab is in the address: a link opens the case at its consent and referrals.
      await page.goto(`${caseUrl}?tab=consent`);
      await page.waitForSelector('h2:has-text("সম্মতি ও শিশুর মতামত")');
      await page.selectOption('select[name=purpose]', 'photo_story');
      await page.selectOption('select[name=givenBy]', 'parent');
      await page.getByRole('button', { name: 'সম্মতি লিপিবদ্ধ করুন' }).click();
      const consent = page.locator('li:has-text("ছবি বা গল্প ব্যবহার")');
      await consent.getByRole('button', { name: 'প্রত্যাহার' }).click();
      const dialog = page.getByRole('dialog');
      const note = dialog.getByLabel('প্রত্যাহারের নোট (কে, কীভাবে জানালেন)');
      await note.fill('মা');
      // The count is in Bangla digits, and Send stays off until the note is long enough.
      expect(await dialog.innerText()).toContain('২টি অক্ষর');
      expect(await dialog.getByRole('button', { name: 'পাঠান' }).isDisabled()).toBe(true);
      await note.fill('মা ফোনে জানালেন, ছবি ব্যবহার করা যাবে না');
      await dialog.getByRole('button', { name: 'পাঠান' }).click();
      await page.waitForSelector('li:has-text("ছবি বা গল্প ব্যবহার"):has-text("প্রত্যাহার করা হয়েছে")');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await context.close();
    });
    await stage('a caseworker of another upazila cannot see it', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, 'ulipur.caseworker');
      await page.waitForSelector('main.content h1');
      await page.goto(caseUrl);
      await page.waitForSelector('h1:has-text("কেস পাওয়া যায়নি")');
      expect(await page.locator('main').innerText()).not.toContain('হাবিবুর');
      await page.goto(`${baseUrl()}/cases`);
      await page.locator('input[type=search]').waitFor();
      // The search request itself must come back empty, whatever the page shows while it loads.
      const searched = page.waitForResponse((r) => r.url().includes('/api/v1/cases?') && r.url().includes('q=Habibur'));
      await page.fill('input[type=search]', 'Habibur Rahman');
      const body = (await (await searched).json()) as { total: number; items: Array<{ id: string; child: { names: string[] } }> };
      // Ulipur's own children may share a family name (a fair fuzzy match); the Kurigram child never appears.
      expect(body.items.map((i) => i.id)).not.toContain(caseUrl.split('/').pop());
      expect(body.items.flatMap((i) => i.child.names)).not.toContain('হাবিবুর রহমান');
      await page.waitForSelector(`[role=status]:has-text("${body.total.toLocaleString('bn-BD')}টি কেস")`);
      expect(await page.locator('.case-list').innerText()).not.toContain('হাবিবুর');
      await context.close();
    });

    await stage('someone without case access is told so, not that the server is unreachable', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, 'moderator');
      await page.waitForSelector('main.content h1');
      await page.goto(caseUrl);
      await page.waitForSelector('h1:has-text("You do not have access to this.")');
      expect(await page.locator('main').innerText()).not.toContain('could not be reached');
      await context.close();
    });
  }, 300_000);

  it('a district officer imports a legacy CSV: a bad line is reported, then a clean file lands', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'kurigram.officer');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/cases/import`);
    const header = 'child_name,sex,age_years,upazila_code,concern,risk_level,source,reported_on';
    const file = (rows: string[]) => ({ name: 'legacy.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    // A name of its own, so a second run against the same database is a different file.
    const child = `Moriom Akter ${Date.now().toString(36)}`;
    await page.setInputFiles('input[type=file]', file([`${child},F,12,554994,Child marriage,high,helpline,2025-08-14`, '', 'Jewel,M,10,554994,unknown thing,low,self,2025-08-14']));
    // The job checks the file; the page follows it and lists the bad line (line 4: the blank line counts).
    await page.waitForSelector('table td:has-text("concern")', { timeout: 30_000 });
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.locator('table tbody').innerText()).toContain('৪');
    await page.setInputFiles('input[type=file]', file([`${child},F,12,554994,Child marriage,high,helpline,2025-08-14`]));
    await page.waitForSelector('[role=status]:has-text("১টি কেস")', { timeout: 30_000 });
    // The same file again: the page warns, and imports it only when asked.
    await page.setInputFiles('input[type=file]', file([`${child},F,12,554994,Child marriage,high,helpline,2025-08-14`]));
    await page.waitForSelector('[role=alert]:has-text("আগে আমদানি")');
    await context.close();
  });

  it('a national manager finds the Bangla record by a Latin spelling', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'national');
    await page.waitForSelector('h1:has-text("National overview")');
    await page.goto(`${baseUrl()}/cases`);
    await page.fill('input[type=search]', 'Hobibur Rohman');
    await page.waitForSelector('.case-card:has-text("হাবিবুর রহমান")');
    // The search lives in the address: a reload, a shared link or Back keeps it.
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('q') === 'Hobibur Rohman');
    await page.reload();
    expect(await page.inputValue('input[type=search]')).toBe('Hobibur Rohman');
    await page.waitForSelector('.case-card:has-text("হাবিবুর রহমান")');
    await context.close();
  });
});
