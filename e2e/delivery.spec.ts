import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, baseUrl, launch } from './browser.js';

/**
 * What a phone on a slow link is sent: the built app's assets precompressed (brotli, else
 * gzip) and cached for a year, the page itself revalidated, API answers compressed, and the
 * sign-in answers (which carry the CSRF token) never compressed. Node's fetch decompresses
 * transparently, so the encoding is read from the headers.
 */
describe('delivery over slow links', () => {
  const get = (path: string, encoding: string, headers: Record<string, string> = {}) => fetch(`${baseUrl()}${path}`, { headers: { 'accept-encoding': encoding, ...headers } });

  it('serves the entry script precompressed, brotli first, cached for a year', async () => {
    const html = await (await get('/login', 'identity')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const br = await get(script!, 'br, gzip');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(br.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
    expect((await get(script!, 'gzip')).headers.get('content-encoding')).toBe('gzip');
    expect((await get(script!, 'identity')).headers.get('content-encoding')).toBeNull();
  });

  it('revalidates the page itself, so a new release is picked up', async () => {
    const page = await get('/cases', 'br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('compresses API answers but never the sign-in answers that carry the CSRF token', async () => {
    const geo = await get('/api/v1/geo/units?level=1', 'br, gzip');
    expect(geo.status).toBe(200);
    expect(geo.headers.get('content-encoding')).toBe('br');
    const session = await get('/api/v1/auth/session', 'br, gzip');
    expect(session.headers.get('content-encoding')).toBeNull();
  });
});

/**
 * The page-load script in index.html asks for the session, the opened page's code and its first
 * data as the HTML arrives; the app then takes those answers instead of asking again. Allowed by
 * its hash in the Content-Security-Policy, and nothing asked for twice.
 */
describe('a case file opened from its address', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('asks for the session and the case once each, before the app code has arrived', async () => {
    const { cookie } = await apiSession('kurigram.caseworker');
    const list = (await (await fetch(`${baseUrl()}/api/v1/cases?limit=1`, { headers: { cookie } })).json()) as { items: Array<{ id: string }> };
    const caseId = list.items[0]!.id;
    const context = await browser.newContext();
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl() }]);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    const order: string[] = [];
    page.on('request', (r) => order.push(`start ${new URL(r.url()).pathname}`));
    page.on('requestfinished', (r) => order.push(`done ${new URL(r.url()).pathname}`));
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await page.waitForSelector('[role=tablist]');
    await page.waitForLoadState('networkidle');
    await context.close();

    expect(refused).toEqual([]);
    const caseUrl = `/api/v1/cases/${caseId}`;
    expect(order.filter((e) => e === `start ${caseUrl}`)).toHaveLength(1);
    expect(order.filter((e) => e === 'start /api/v1/auth/session')).toHaveLength(1);
    // Asked for before the entry script finished downloading, not after it ran.
    const entryDone = order.findIndex((e) => /^done \/assets\/index-.*\.js$/.test(e));
    expect(entryDone).toBeGreaterThan(-1);
    expect(order.indexOf(`start ${caseUrl}`)).toBeLessThan(entryDone);
    expect(order.indexOf('start /api/v1/auth/session')).toBeLessThan(entryDone);
    expect(order.findIndex((e) => /^start \/assets\/CasePage-.*\.js$/.test(e))).toBeLessThan(entryDone);
  });
});
