import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, baseUrl, launch, signIn, stage } from './browser.js';

/** Presses Tab until the focus is on `selector` (keyboard only: no click, no fill). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const WORDS = {
  bn: { category: 'শারীরিক সহিংসতা', done: 'খোলা হয়েছে' },
  en: { category: 'Physical violence', done: 'opened and sent' },
};

/** 1098: an agent takes a call from a child about herself with the keyboard alone, and the case reaches Kurigram. */
describe('helpline intake and desk in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  /** A new context on a phone-sized screen, signed in, on an empty contact form. */
  async function openIntake(who: string) {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, who);
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/helpline/new`);
    await page.waitForSelector('form .choice-row');
    return { context, page };
  }

  for (const lang of ['bn', 'en'] as const) {
    it(`records a complete contact with the keyboard only and opens a case the Kurigram team sees (${lang === 'bn' ? 'Bangla' : 'English'})`, async () => {
      const child = lang === 'bn' ? 'মরিয়ম বেগম' : 'Moriom Begum';
      let caseNumber = '';
      await stage('the agent takes the call', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await signIn(page, 'helpline.agent');
        await page.waitForSelector('main.content h1');
        // helpline.agent works in Bangla; the English run switches and switches back at the end.
        const switchTo = async (label: string) => {
          const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/lang') && r.ok());
          await page.getByRole('button', { name: label }).click();
          await saved;
        };
        if (lang === 'en') await switchTo('English');
        try {
          await page.goto(`${baseUrl()}/helpline/new`);
          await page.waitForSelector('form .choice-row');
          await page.keyboard.press('Alt+1');
          expect(await page.locator('input[name=callType]:checked').getAttribute('value')).toBe('child_self');
          // Urgency: Alt+U lands on the first choice; an arrow moves to "high".
          await page.keyboard.press('Alt+u');
          await page.keyboard.press('ArrowRight');
          await tabTo(page, '#f-child-name');
          await page.keyboard.type(child);
          await tabTo(page, '#f-child-sex');
          await page.keyboard.press('ArrowDown');
          await tabTo(page, '#f-child-age');
          await page.keyboard.type('13');
          await page.keyboard.press('Alt+p');
          await page.keyboard.type('Holokhana');
          await page.waitForSelector('.unit-choices input[value="554952-N4117"]');
          await tabTo(page, '.unit-choices input[value="554952-N4117"]');
          await page.keyboard.press('Space');
          await page.waitForSelector('.unit-picker .chosen');
          await page.keyboard.press('Alt+c');
          await page.keyboard.type(WORDS[lang].category);
          await tabTo(page, 'input[name=categories][value="violence.physical"]');
          await page.keyboard.press('Space');
          await tabTo(page, '#f-summary');
          await page.keyboard.type('Beaten at the house where she works as a maid; wants to go home to her mother.');
          // Saved on the server as she typed: the address now holds the contact.
          await page.waitForURL(/\/helpline\/new\?id=[0-9a-f-]{36}$/);
          await page.keyboard.press('Control+Enter');
          const banner = page.locator(`.banner:has-text("${WORDS[lang].done}")`);
          await banner.waitFor();
          caseNumber = /BD-5549-\d{4}-\d{6}/.exec(await banner.innerText())?.[0] ?? '';
          expect(caseNumber).not.toBe('');
        } finally {
          if (lang === 'en') await switchTo('বাংলা');
          await context.close();
        }
      });
      await stage('the case is in the Kurigram caseload', async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await signIn(page, 'kurigram.supervisor');
        await page.waitForSelector('main.content h1');
        await page.goto(`${baseUrl()}/cases?q=${encodeURIComponent(caseNumber)}&status=all`);
        await page.waitForSelector(`.case-card:has-text("${caseNumber}")`);
        expect(await page.locator(`.case-card:has-text("${caseNumber}")`).innerText()).toContain(child);
        await context.close();
      });
    }, 180_000);
  }

  it('puts dispatch first on an emergency call: police sent, the acknowledgement deadline counting down, then acknowledged', async () => {
    const { context, page } = await openIntake('helpline.supervisor');
    await page.keyboard.press('Alt+3');
    expect(await page.locator('input[name=callType]:checked').getAttribute('value')).toBe('emergency');
    await page.waitForSelector('#dispatch-title');
    await page.fill('#f-dispatch-note', 'Boy trapped at a brick kiln in Holokhana');
    await page.getByRole('button', { name: /^Send Police \(999\)/ }).click();
    const row = page.locator('.dispatch li:has-text("Police (999)")');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/(9|10) min left to acknowledge/);
    await row.getByRole('button', { name: 'Acknowledged' }).click();
    await page.waitForSelector('.dispatch li.dispatch-acknowledged');
    await context.close();
  }, 120_000);

  // The contact centre reports a call answered by helpline.agent: her open desk page pops the contact, number and time filled in.
  it('opens the answered call\'s contact on the agent\'s page, with the number masked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'helpline.agent');
    await page.waitForSelector('main.content h1');
    await page.goto(`${baseUrl()}/helpline`);
    // The desk page is listening once its live stream has said it is ready.
    const ready = page.waitForResponse((r) => r.url().endsWith('/api/v1/helpline/live'));
    await page.locator('main.content h1').waitFor();
    await ready;
    // The contact centre's account makes itself a token and reports the call.
    const { cookie, csrfToken } = await apiSession('contact.centre');
    const made = await fetch(`${baseUrl()}/api/v1/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'e2e contact centre' }) });
    const { token } = (await made.json()) as { token: string };
    const callId = `e2e-${Date.now()}`;
    const post = (body: unknown) => fetch(`${baseUrl()}/api/v1/helpline/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await post({ type: 'call.offered', callId, at: new Date().toISOString(), from: '01911-445566' })).status).toBe(200);
    const answered = await post({ type: 'call.answered', callId, at: new Date().toISOString(), agent: 'helpline.agent' });
    const { contactId } = (await answered.json()) as { contactId: string };
    await page.waitForURL(`**/helpline/new?id=${contactId}`);
    await page.locator('#caller-phone-kept', { hasText: '66' }).waitFor();
    await context.close();
  });

  // A caller who needs counselling near home: the agent finds the service in the directory from the keyboard and refers her (in Bangla).
  it('refers the caller to the nearest service in the directory, and takes a wrong one back', async () => {
    const { context, page } = await openIntake('helpline.agent');
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Alt+p');
    await page.keyboard.type('কুড়িগ্রাম সদর');
    await page.locator('.unit-choices input[value="554952"]').click();
    await page.waitForSelector('.unit-picker .chosen');
    await page.keyboard.press('Alt+r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-refer-find');
    // Nearest first: the upazila's own services come before the national ones.
    const found = page.getByRole('list', { name: 'সেবা তালিকার সেবা' });
    await found.locator('li').first().waitFor();
    expect(await found.locator('li').first().innerText()).toContain('কুড়িগ্রাম সদর');
    await page.keyboard.type('কাউন্সেলিং');
    await found.locator('li', { hasText: 'মনোসামাজিক কাউন্সেলিং' }).waitFor();
    await page.getByRole('button', { name: 'কলকারীকে মনোসামাজিক কাউন্সেলিং-এ রেফার করুন' }).click();
    const made = page.getByRole('list', { name: 'করা রেফারেল' });
    await made.locator('li', { hasText: 'মনোসামাজিক কাউন্সেলিং' }).waitFor();
    await found.locator('li', { hasText: 'রেফার করা হয়েছে' }).waitFor();
    await made.getByRole('button', { name: 'ফিরিয়ে নিন' }).click();
    await made.waitFor({ state: 'detached' });
    await context.close();
  }, 120_000);

  // A child who already has a case: the agent finds it among the likely matches and joins the contact to it.
  it('offers the child\'s Kurigram case from her name and place, and joins the contact to it', async () => {
    // A child with an open case in Kurigram, as the district's caseworker sees her.
    const { cookie } = await apiSession('kurigram.caseworker');
    const list = (await (await fetch(`${baseUrl()}/api/v1/cases?limit=20&status=open`, { headers: { cookie } })).json()) as { items: Array<{ caseNumber: string; sensitive: boolean; child: { displayName: string }; place: { code: string | null; name: string | null } }> };
    const known = list.items.find((c) => !c.sensitive && c.place.code && c.place.name)!;
    const { context, page } = await openIntake('helpline.supervisor');
    await page.keyboard.press('Alt+1');
    await page.fill('#f-child-name', known.child.displayName);
    await page.keyboard.press('Alt+p');
    await page.keyboard.type(known.place.name!);
    await page.locator(`.unit-choices input[value="${known.place.code}"]`).click();
    await page.waitForSelector('.unit-picker .chosen');
    await page.locator('input[name=outcome][value=link_case]').check();
    await page.getByRole('button', { name: 'Find likely cases' }).click();
    const match = page.locator(`label.choice:has-text("${known.caseNumber}")`);
    await match.waitFor();
    expect(await match.innerText()).toContain(known.child.displayName);
    expect(await match.innerText()).toContain('Matched on: name');
    await match.locator('input').check();
    // Urgency and a category are still needed to complete it.
    await page.keyboard.press('Alt+u');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Alt+c');
    await page.keyboard.type('Physical violence');
    await page.locator('input[name=categories][value="violence.physical"]').check();
    await page.keyboard.press('Control+Enter');
    await page.locator(`.banner:has-text("joined to case ${known.caseNumber}")`).waitFor();
    await context.close();
  }, 120_000);
});
