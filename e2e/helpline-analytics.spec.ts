import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, signIn, stage } from './browser.js';

/** The helpline as an early warning: the district officer sees the demo's Kurigram spike on the map and in the table, and its forecast. */
describe('helpline analytics in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const [who, words] of [
    ['kurigram.officer', { district: /কু(\u09DC|\u09A1\u09BC)িগ্রাম/, spikes: 'শনাক্তকারীর চিহ্নিত আকস্মিক বৃদ্ধি', forecast: 'আগামী তিন মাস', tested: 'যাচাই' }],
    ['national', { district: /Kurigram/, spikes: 'Spikes the detector flagged', forecast: 'Next three months', tested: 'Tested on' }],
  ] as const) {
    it(`shows ${who} the Kurigram child-marriage spike on the map and in the table, then the district's forecast with its error`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
      const page = await context.newPage();
      await stage('open the patterns page', async () => {
        await signIn(page, who);
        await page.waitForSelector('main.content h1');
        await page.goto(`${baseUrl()}/helpline/analytics?category=violence.child_marriage`);
        await page.getByRole('heading', { name: words.spikes }).waitFor();
      });
      await stage('the spike is in the table and outlined on the map', async () => {
        const row = page.locator('table tr', { hasText: words.district }).first();
        await row.waitFor();
        const district = page.locator('svg path').filter({ has: page.locator('title', { hasText: words.district }) }).first();
        await district.waitFor({ state: 'attached' });
        expect(await district.getAttribute('stroke')).toBe('#c62828');
        // Nothing overflows a 360 px phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      });
      await stage('choosing the district shows its forecast and backtest', async () => {
        await page.locator('table tr', { hasText: words.district }).first().getByRole('button').click();
        await page.getByRole('heading', { name: new RegExp(words.forecast) }).waitFor();
        await page.getByText(new RegExp(words.tested)).first().waitFor();
      });
      await context.close();
    });
  }
});
