// Pages on a slow phone connection: the largest contentful paint of the login, home and case
// pages in Chromium with DevTools' Fast 3G emulation (562.5 ms round trip, 180 KB/s down,
// 84 KB/s up), at 360 px, with an empty cache (a first visit, or a phone that evicted it), and
// the bytes each page load transfers. Budget: LCP <= 3,000 ms. The pages' weight does not depend
// on how many cases the database holds: the demo data is used. WATERFALL=1 prints each request's
// start and end (ms from navigation) on stderr, to see what a page waits for.
import { chromium, type Page } from 'playwright-core';
import { emit, startApp } from './lib.js';

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (180 * 1024), uploadThroughput: (84 * 1024) };
const app = await startApp();
const db = app.dbKind;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

/** Loads `path` on an emulated Fast 3G link and answers its LCP and the bytes it transferred. */
async function measure(path: string, ready: string, cookie?: { name: string; value: string }) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'bn-BD' });
  if (cookie) await context.addCookies([{ ...cookie, url: app.url }]);
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  let bytes = 0;
  const t0 = Date.now();
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
    urls.set(e.requestId, e.request.url);
    if (process.env.WATERFALL) console.error(`${Date.now() - t0} start ${e.request.url.replace(app.url, '')}`);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    if (process.env.WATERFALL) console.error(`${Date.now() - t0} done  ${urls.get(e.requestId)?.replace(app.url, '')} ${e.encodedDataLength}`);
  });
  await page.goto(`${app.url}${path}`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForSelector(ready, { timeout: 60_000 });
  // Settle: late requests (the taxonomy, notifications) and the paint after them.
  await page.waitForLoadState('networkidle', { timeout: 60_000 });
  const lcp = await page.evaluate(() => new Promise<number>((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries[entries.length - 1]!.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  await context.close();
  return { lcp, bytes };
}

try {
  const scale = 'demo';
  const login = await measure('/login', 'input[name=password]');
  emit({ name: 'web_login_lcp_fast3g_ms', value: login.lcp, unit: 'ms', db, scale });
  emit({ name: 'web_login_bytes', value: login.bytes / 1024, unit: 'KB', db, scale });

  // A caseworker's session, as the browser would hold it after signing in.
  const session = await app.session('kurigram.caseworker');
  const [name, value] = session.cookie.split('=') as [string, string];
  const home = await measure('/', 'main.content h1', { name, value });
  emit({ name: 'web_home_lcp_fast3g_ms', value: home.lcp, unit: 'ms', db, scale });
  emit({ name: 'web_home_bytes', value: home.bytes / 1024, unit: 'KB', db, scale });

  const list = (await (await fetch(`${app.url}/api/v1/cases?limit=1`, { headers: session })).json()) as { items: Array<{ id: string }> };
  const caseId = list.items[0]?.id;
  if (!caseId) throw new Error('web bench: the caseworker has no case');
  const casePage = await measure(`/cases/${caseId}`, 'main.content h1', { name, value });
  emit({ name: 'web_case_lcp_fast3g_ms', value: casePage.lcp, unit: 'ms', db, scale });
  emit({ name: 'web_case_bytes', value: casePage.bytes / 1024, unit: 'KB', db, scale });
} finally {
  await browser.close();
  await app.close();
}
