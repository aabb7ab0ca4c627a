import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const baseUrl = () => inject('baseUrl');

export async function signIn(page: Page, username: string, password = 'Ncpp-Demo-2026') {
  await page.goto(`${baseUrl()}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.locator('form button[type=submit]').click();
}

/** A demo user's API session outside the browser (what another system or a second person does meanwhile): its cookie and CSRF token. */
export async function apiSession(username: string, password = 'Ncpp-Demo-2026'): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
}

/** The newest message the SMTP server received, decoded enough to read a link. */
export async function lastMail(after: number): Promise<string> {
  const dir = inject('mailDir');
  for (let i = 0; i < 100; i++) {
    const files = fs.readdirSync(dir).sort();
    if (files.length > after) return fs.readFileSync(path.join(dir, files[files.length - 1]!), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('No mail arrived');
}

export const mailCount = () => fs.readdirSync(inject('mailDir')).length;

/** Fills the case registration form the way a caseworker does; the caller submits and checks. */
export async function fillNewCase(page: Page, c: { nameBn?: string; nameEn?: string; sex?: string; age: number; union: { search: string; code: string }; concerns: string[]; risk?: string }) {
  await page.goto(`${baseUrl()}/cases/new`);
  if (c.nameBn) await page.fill('input[name=nameBn]', c.nameBn);
  if (c.nameEn) await page.fill('input[name=nameEn]', c.nameEn);
  if (c.sex) await page.selectOption('select[name=sex]', c.sex);
  await page.fill('input[name=ageYears]', String(c.age));
  await page.fill('.unit-picker input', c.union.search);
  // Choosing closes the list and shows the place chosen.
  await page.locator(`.unit-picker input[value="${c.union.code}"]`).click();
  await page.waitForSelector('.unit-picker .chosen');
  // Concerns: a grouped checklist; a group opens when its heading is tapped.
  for (const code of c.concerns) {
    const box = page.locator(`input[name=concerns][value="${code}"]`);
    if (!(await box.isVisible())) await page.locator(`details.concern-group:has(input[value="${code}"]) > summary`).click();
    await box.check();
  }
  if (c.risk) await page.selectOption('select[name=riskLevel]', c.risk);
}

/**
 * One stage of a story told as one test (a case moving through several hands): each stage
 * needs the one before it, so they live in one test, independent of the order of tests,
 * and a failure names its stage.
 */
export async function stage(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    throw new Error(`stage "${name}": ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
