import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { authenticator } from 'otplib';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_LOGINS } from '../src/server/seed/demo.js';
import { baseUrl, lastMail, launch, mailCount, signIn } from './browser.js';

const HOME_TITLES: Record<string, string> = {
  system_admin: 'System administration', national_manager: 'National overview', district_officer: 'District overview', case_supervisor: 'Team supervision',
  caseworker: 'My caseload', ngo_caseworker: 'My caseload', helpline_agent: 'Helpline 1098', helpline_supervisor: 'Helpline 1098', contact_centre_system: 'Helpline 1098',
  institution_manager: 'My institution', partner_focal: 'Partner workspace', portal_editor: 'Portal content', portal_moderator: 'Portal content', service_provider: 'Referrals to your service',
};

describe('signing in', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  it('signs in in English and lands on the role home', async () => {
    await signIn(page, 'national');
    await page.waitForSelector('h1:has-text("National overview")');
    expect(await page.locator('nav').innerText()).toContain('Users');
  });

  it('offers the sign-in page in the browser\'s language, whoever used the device before', async () => {
    const bangla = await browser.newContext({ locale: 'bn-BD' });
    const shared = await bangla.newPage();
    await shared.goto(`${baseUrl()}/login`);
    await shared.waitForSelector('h2:has-text("সাইন ইন")');
    // An English-speaking officer signs in on this Bangla computer, and leaves.
    await signIn(shared, 'national');
    await shared.waitForSelector('h1:has-text("National overview")');
    await bangla.clearCookies();
    await shared.goto(`${baseUrl()}/login`);
    await shared.waitForSelector('h2:has-text("সাইন ইন")');
    await bangla.close();
  });

  it('signs in in Bangla with Bangla digits', async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByRole('button', { name: 'বাংলা' }).click();
    await page.waitForSelector('h2:has-text("সাইন ইন")');
    await signIn(page, 'kurigram.caseworker');
    await page.waitForSelector('h1:has-text("আমার কেসসমূহ")');
    await page.waitForSelector('.path:has-text("কুড়িগ্রাম সদর")');
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/[০-৯]/);
    expect(text).not.toMatch(/[0-9]/);
    // Navigation shows only what the role allows: no administration for a caseworker.
    expect(await page.locator('#main-nav').innerText()).not.toContain('ব্যবহারকারী');
  });

  it('every printed demo login lands on its role home', async () => {
    for (const login of DEMO_LOGINS.filter((l) => l.role !== 'system_admin')) {
      await context.clearCookies();
      await page.evaluate(() => localStorage.setItem('ncpp.lang', 'en')).catch(() => undefined);
      await signIn(page, login.username);
      await page.waitForSelector('main.content h1', { timeout: 15_000 });
      if (login.lang === 'en') expect(await page.locator('main.content h1').innerText()).toBe(HOME_TITLES[login.role]);
      else expect(await page.locator('main').getAttribute('class')).toBe('content');
      const home = await page.locator('[data-home]').getAttribute('data-home');
      expect(home, login.username).toBeTruthy();
      // What the home offers is what the role can open today: every link leads somewhere it may go.
      const links = await page.locator('[data-today] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      if (login.username === 'helpline.agent') expect(links).toContain('/cases/new');
      if (['editor', 'moderator'].includes(login.username)) expect(links.filter((l) => l !== '/account' && l !== '/geo' && l !== '/services' && l !== '/facilities')).toEqual([]);
      expect(await page.locator('main').innerText()).not.toContain('Contacts to Child Helpline 1098 from the whole country');
    }
  });

  it('refuses a wrong password and locks the account after five tries', async () => {
    for (let i = 1; i <= 5; i++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await signIn(page, 'partner.focal', 'Wrong-password-9');
      // A locked account answers like a wrong password (401), so the answer reveals nothing.
      expect((await answered).status()).toBe(401);
    }
    expect(await page.locator('.banner-error').innerText()).toContain('locked');
    await signIn(page, 'partner.focal');
    await page.waitForSelector('.banner-error:has-text("locked")');
  });

  it('asks the administrator for a TOTP code', async () => {
    await signIn(page, 'admin');
    await page.waitForSelector('text=Enter the 6-digit code');
    await page.fill('input[name=code]', '000000');
    await page.locator('form button[type=submit]').click();
    await page.waitForSelector('[role=alert]');
    await page.fill('input[name=code]', authenticator.generate(DEMO_ADMIN_TOTP_SECRET));
    await page.locator('form button[type=submit]').click();
    await page.waitForSelector('h1:has-text("System administration")');
  });

  it('resets a forgotten password through the emailed link', async () => {
    const before = mailCount();
    await page.goto(`${baseUrl()}/forgot-password`);
    await page.fill('input[name=login]', 'editor@ncpp.localhost');
    const answered = page.waitForResponse((r) => r.url().includes('/password-reset/request'));
    await page.locator('form button[type=submit]').click();
    expect((await answered).status()).toBe(202);
    await page.waitForSelector('[role=status]');
    const mail = await lastMail(before);
    const link = /(http:\/\/localhost:\d+\/reset-password\?token=[A-Za-z0-9_%-]+)/.exec(mail)?.[1];
    expect(link).toBeTruthy();
    await page.goto(link!);
    await page.fill('input[name=password]', 'Fresh-portal-pass-77');
    await page.locator('form button[type=submit]').click();
    await page.waitForSelector('[role=status]');
    await signIn(page, 'editor', 'Fresh-portal-pass-77');
    await page.waitForSelector('h1:has-text("Portal content")');
  });
});
